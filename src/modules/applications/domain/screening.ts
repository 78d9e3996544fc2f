/** Reasons a manager picks from when screening an application out (plus a free-text note). */
export const SCREENING_REASONS = [
  'village_not_eligible',
  'goals_not_in_plan',
  'amount_out_of_limits',
  'budget_inconsistent',
  'own_share_too_low',
  'duplicate_application',
  'documents_missing',
  'applicant_not_eligible',
  'other',
] as const;
export type ScreeningReason = (typeof SCREENING_REASONS)[number];

export type ScreeningDecision = 'eligible' | 'ineligible';

/** An ineligible decision needs a reason from the list; "other" also needs the note. Returns a problem or null. */
export function screeningProblem(
  decision: ScreeningDecision,
  reason: string | undefined,
  note: string | undefined,
): string | null {
  if (decision === 'eligible') return null;
  if (!reason) return 'an ineligible decision needs a reason';
  if (reason === 'other' && !note?.trim()) return 'the reason "other" needs a note';
  return null;
}
