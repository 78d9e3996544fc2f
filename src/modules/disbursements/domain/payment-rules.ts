import type { AwardStatus } from '../../awards/domain/award-status';
import type { PaymentStatus } from '../entities/payment.entity';

/** A recorded payment can fail once (the bank returned it); the failed one stays as history. */
export const PAYMENT_TRANSITIONS: Record<'fail', { from: readonly PaymentStatus[]; to: PaymentStatus }> = {
  fail: { from: ['recorded'], to: 'failed' },
};

/** Tranches are paid on awards the grantee has accepted, until the award is complete. */
export const PAYABLE_AWARD_STATUSES: readonly AwardStatus[] = ['accepted', 'active'];

/** A payment can fail back while its award still runs or has just completed (not once it is cancelled). */
export const REVERSIBLE_AWARD_STATUSES: readonly AwardStatus[] = ['active', 'completed'];

/** Four eyes on money: whoever approved a tranche does not also record that it was paid. */
export const payerFourEyesProblem = (trancheApprovedBy: string | null, payerId: string): string | null =>
  trancheApprovedBy === payerId ? 'the person who approved a tranche cannot record its payment' : null;

/**
 * The value date of a transfer is a calendar date (YYYY-MM-DD) in the programme's time zone: not
 * after today, nor before the day the grantee accepted. Both bounds come from the server's clock.
 */
export function paidOnProblem(
  paidOn: string,
  today: string,
  acceptedOn: string,
): 'future' | 'before_acceptance' | null {
  if (paidOn > today) return 'future';
  if (paidOn < acceptedOn) return 'before_acceptance';
  return null;
}
