export const CONFLICT_KINDS = ['family', 'business', 'employment', 'other'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface DeclaredConflict {
  applicantId: string | null;
  applicationId: string | null;
  villageId: string | null;
}

export interface CandidatePair {
  applicationId: string;
  applicantId: string;
  villageId: string;
}

/**
 * Whether a juror may not review an application (rule 4, DESIGN.md section 6): a declared tie
 * with its applicant, the application itself or its village, the juror's own village, or the
 * juror's own application.
 */
export function inConflict(
  pair: CandidatePair,
  juror: { id: string; homeVillageId: string | null },
  declared: readonly DeclaredConflict[],
): boolean {
  if (juror.id === pair.applicantId) return true;
  if (juror.homeVillageId !== null && juror.homeVillageId === pair.villageId) return true;
  return declared.some(
    (d) =>
      d.applicantId === pair.applicantId || d.applicationId === pair.applicationId || d.villageId === pair.villageId,
  );
}
