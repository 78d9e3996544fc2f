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

/**
 * What a juror may do with their own assignment in a round of this status (rule 5): score only
 * while it is open; read it from the moment it opens, and keep reading it (read-only) once it
 * closes and after it is finalized, so they can see what they scored and why.
 */
export function jurorMay(action: 'read' | 'score', status: RoundStatus): boolean {
  return action === 'score' ? status === 'open' : status !== 'draft';
}
