/** DESIGN.md section 3: the award and tranche lifecycles, as transition tables. */
export const AWARD_STATUSES = [
  'proposed',
  'approved',
  'accepted',
  'active',
  'completed',
  'declined',
  'cancelled',
] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export type AwardAction =
  'approve' | 'send_back' | 'accept' | 'decline' | 'activate' | 'complete' | 'reopen' | 'cancel';

export const AWARD_TRANSITIONS: Record<AwardAction, { from: readonly AwardStatus[]; to: AwardStatus }> = {
  // Approving (by a manager other than the proposer) commits the amount against the budget.
  approve: { from: ['proposed'], to: 'approved' },
  // Sent back with a comment: it stays a proposal the proposer can change.
  send_back: { from: ['proposed'], to: 'proposed' },
  accept: { from: ['approved'], to: 'accepted' },
  // Declining or cancelling releases what was committed back to the budget.
  decline: { from: ['approved'], to: 'declined' },
  activate: { from: ['accepted'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  // A failed payment leaves a tranche unpaid again.
  reopen: { from: ['completed'], to: 'active' },
  cancel: { from: ['proposed', 'approved', 'accepted', 'active'], to: 'cancelled' },
};

export const TRANCHE_STATUSES = ['planned', 'requested', 'returned', 'approved', 'paid'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

export type TrancheAction = 'request' | 'return' | 'approve' | 'pay' | 'payment_failed';

export const TRANCHE_TRANSITIONS: Record<TrancheAction, { from: readonly TrancheStatus[]; to: TrancheStatus }> = {
  // A milestone report submitted (or resubmitted after being returned).
  request: { from: ['planned', 'returned'], to: 'requested' },
  return: { from: ['requested'], to: 'returned' },
  approve: { from: ['requested'], to: 'approved' },
  pay: { from: ['approved'], to: 'paid' },
  // A failed transfer puts it back to approved, with a reversal in the ledger.
  payment_failed: { from: ['paid'], to: 'approved' },
};

/** The award's steps after one of its tranches is paid: active on the first payment, completed once every tranche is paid. */
export function awardStepsAfterPayment(status: AwardStatus, everyTranchePaid: boolean): AwardAction[] {
  const steps: AwardAction[] = [];
  if (status === 'accepted') steps.push('activate');
  if (everyTranchePaid) steps.push('complete');
  return steps;
}

export const canAward = (action: AwardAction, status: AwardStatus): boolean =>
  AWARD_TRANSITIONS[action].from.includes(status);
export const canTranche = (action: TrancheAction, status: TrancheStatus): boolean =>
  TRANCHE_TRANSITIONS[action].from.includes(status);

/** Rule 9: the manager who approves an award is not the one who proposed it. */
export const fourEyesProblem = (proposedBy: string, approver: string): string | null =>
  proposedBy === approver ? 'the manager who proposed an award cannot approve it' : null;

/** Rule 8: an award never exceeds the amount requested or the competition's maximum, and is positive. */
export function awardAmountProblem(amount: bigint, requested: bigint, maxAward: bigint): string | null {
  if (amount <= 0n) return 'an award must be positive';
  if (amount > requested) return 'an award cannot exceed the amount requested';
  if (amount > maxAward) return "an award cannot exceed the competition's maximum";
  return null;
}
