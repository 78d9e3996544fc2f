import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const PaymentErrors = defineErrors('PAYMENT', {
  TRANCHE_NOT_FOUND: { kind: 'not_found', message: 'Tranche not found' },
  PAYMENT_NOT_FOUND: { kind: 'not_found', message: 'Payment not found' },
  AWARD_NOT_FOUND: { kind: 'not_found', message: 'Award not found' },
  TRANCHE_NOT_APPROVED: { kind: 'conflict', message: 'Only an approved tranche can be paid, and only once' },
  AWARD_WRONG_STATUS: { kind: 'conflict', message: 'The award is not in a status that allows this' },
  ALREADY_FAILED: { kind: 'conflict', message: 'The payment has already been marked as failed' },
  FOUR_EYES: { kind: 'forbidden', message: 'The manager who approved a tranche cannot record its payment' },
  PAID_ON_IN_FUTURE: { kind: 'validation', message: 'The payment date cannot be in the future' },
  PAID_ON_BEFORE_ACCEPTANCE: {
    kind: 'validation',
    message: 'The payment date cannot be before the grantee accepted the award',
  },
});

registerConstraintErrors({
  // Rule 8's "each tranche is paid at most once", the database's own line behind the tranche lock.
  UQ_payments_tranche_recorded: PaymentErrors.TRANCHE_NOT_APPROVED,
});
