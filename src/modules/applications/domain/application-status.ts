export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'in_review',
  'shortlisted',
  'awarded',
  'not_awarded',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationAction = 'edit' | 'delete' | 'submit' | 'withdraw';

/** DESIGN.md section 3. Withdrawal is possible from any state before a decision. */
export const APPLICATION_TRANSITIONS: Record<
  ApplicationAction,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus | null }
> = {
  edit: { from: ['draft'], to: 'draft' },
  delete: { from: ['draft'], to: null },
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'eligible', 'in_review', 'shortlisted'], to: 'withdrawn' },
};

export function canApplication(action: ApplicationAction, status: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[action].from.includes(status);
}

export const SECTORS = ['agriculture', 'tourism', 'crafts', 'services', 'trade', 'processing', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const FUNDING_SOURCES = ['grant', 'own'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * `SU-TUP-2026-0042`: the competition's short code (unique across the service), its year and a
 * gapless number within the competition, so no two applications anywhere share a reference.
 */
export function referenceFor(competitionCode: string, year: number, number: number): string {
  return `SU-${competitionCode}-${year}-${String(number).padStart(4, '0')}`;
}
