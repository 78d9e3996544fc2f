export const COMPETITION_STATUSES = ['draft', 'open', 'closed', 'finalized', 'archived'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export type CompetitionAction = 'edit' | 'open' | 'close' | 'finalize' | 'archive';

/** DESIGN.md section 3: draft -> open -> closed -> finalized -> archived. Rules are editable in draft only. */
export const COMPETITION_TRANSITIONS: Record<
  CompetitionAction,
  { from: readonly CompetitionStatus[]; to: CompetitionStatus }
> = {
  edit: { from: ['draft'], to: 'draft' },
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  finalize: { from: ['closed'], to: 'finalized' },
  archive: { from: ['finalized'], to: 'archived' },
};

export function canCompetition(action: CompetitionAction, status: CompetitionStatus): boolean {
  return COMPETITION_TRANSITIONS[action].from.includes(status);
}
