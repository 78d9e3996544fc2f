export const ROUND_STATUSES = ['draft', 'open', 'closed', 'finalized'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export type RoundAction = 'edit' | 'open' | 'close' | 'finalize';

/** DESIGN.md section 3: scoresheets are accepted while open; closing freezes them; finalizing stores the results. */
export const ROUND_TRANSITIONS: Record<RoundAction, { from: RoundStatus; to: RoundStatus }> = {
  edit: { from: 'draft', to: 'draft' },
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
  finalize: { from: 'closed', to: 'finalized' },
};

/** Past tense for audit actions (review_round.opened ...). */
export const ROUND_EVENT: Record<RoundAction, string> = {
  edit: 'updated',
  open: 'opened',
  close: 'closed',
  finalize: 'finalized',
};
