export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'eligible',
  'ineligible',
  'in_review',
  'shortlisted',
  'awarded',
  'not_awarded',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * DESIGN.md section 3: every change of an application's status, and the statuses it may start
 * from. Only the applications module applies them (ApplicationStatusService); reviews and awards
 * ask for a move by its name. Withdrawal is possible from any state before a decision.
 */
export const APPLICATION_MOVES = {
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'returned', 'eligible', 'in_review', 'shortlisted'], to: 'withdrawn' },
  // Return for changes, during screening: the applicant edits and resubmits (a new snapshot
  // version, the same reference), or the return lapses at its date and the application is
  // withdrawn with the reason RETURN_LAPSED_REASON.
  return_for_changes: { from: ['submitted'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
  lapse_return: { from: ['returned'], to: 'withdrawn' },
  // Screening, by a manager.
  screen_eligible: { from: ['submitted'], to: 'eligible' },
  screen_ineligible: { from: ['submitted'], to: 'ineligible' },
  // A round opens: the first takes the eligible applications, a later one those the round before advanced.
  enter_review: { from: ['eligible', 'shortlisted'], to: 'in_review' },
  // A round is finalized: advanced or not.
  advance: { from: ['in_review'], to: 'shortlisted' },
  not_advance: { from: ['in_review'], to: 'not_awarded' },
  // The applicant accepts the award offered.
  award: { from: ['shortlisted'], to: 'awarded' },
  // The competition is finalized: the shortlisted without an accepted award.
  not_award: { from: ['shortlisted'], to: 'not_awarded' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;

export type ApplicationMove = keyof typeof APPLICATION_MOVES;

/**
 * What an applicant may do to a draft without moving it. A returned application is edited like a
 * draft (until its date to answer by, which the services compare in SQL) but never deleted.
 */
const DRAFT_ACTIONS = { edit: ['draft', 'returned'], delete: ['draft'] } as const satisfies Record<
  string,
  readonly ApplicationStatus[]
>;

export type ApplicationAction = keyof typeof DRAFT_ACTIONS | ApplicationMove;

export function canApplication(action: ApplicationAction, status: ApplicationStatus): boolean {
  const from: readonly ApplicationStatus[] =
    action === 'edit' || action === 'delete' ? DRAFT_ACTIONS[action] : APPLICATION_MOVES[action].from;
  return from.includes(status);
}

/** Where `move` takes an application in `status`, or null when the table does not allow it. */
export function moveTarget(move: ApplicationMove, status: ApplicationStatus): ApplicationStatus | null {
  return canApplication(move, status) ? APPLICATION_MOVES[move].to : null;
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
