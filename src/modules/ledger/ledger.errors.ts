import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const LedgerErrors = defineErrors('LEDGER', {
  INSUFFICIENT_FUNDS: {
    kind: 'rule',
    message: 'Not enough left: the budget, or what the award still owes, does not cover this amount',
  },
  COMPETITION_NOT_FOUND: { kind: 'not_found', message: 'Competition not found' },
});

registerConstraintErrors({
  // The balance CHECK is what refuses an overrun under any race (rules 7 and 8).
  CK_ledger_accounts_balance: LedgerErrors.INSUFFICIENT_FUNDS,
});
