import { QueryFailedError } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { PaymentErrors } from '../../modules/disbursements/disbursements.errors';
import { IdempotencyErrors } from '../../modules/idempotency/idempotency.errors';
import { almatyDay, checkPayForm, isFormKey, newPayValues, payRefusal } from './pay-form';

describe('the payment form', () => {
  it('starts with today in Almaty and a fresh key each time', () => {
    // 20:00 UTC on 6 December is already 7 December in Almaty (UTC+5).
    expect(almatyDay(new Date('2026-12-06T20:00:00Z'))).toBe('2026-12-07');
    const [one, two] = [newPayValues(), newPayValues()];
    expect(isFormKey(one.formKey)).toBe(true);
    expect(one.formKey).not.toBe(two.formKey);
  });

  it('takes only the keys it hands out', () => {
    expect(isFormKey('not-a-key')).toBe(false);
    expect(isFormKey('')).toBe(false);
    expect(isFormKey('3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe(false);
  });

  it('names each field the JSON API would refuse', () => {
    const { errors } = checkPayForm({ bankReference: '', paidOn: '2026-02-30', formKey: 'k' });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['bankReference', 'finance.pay.error.bankReference'],
      ['paidOn', 'finance.pay.error.paidOn'],
    ]);
    const ok = checkPayForm({ bankReference: 'PP-1', paidOn: '2026-03-10', formKey: 'k' });
    expect(ok).toEqual({ input: { bankReference: 'PP-1', paidOn: '2026-03-10' }, errors: [] });
  });

  it('puts the service’s refusals into words with the API’s status', () => {
    expect(payRefusal(new DomainError(PaymentErrors.FOUR_EYES))).toEqual({
      status: 403,
      errors: [],
      problem: 'finance.pay.problem.fourEyes',
    });
    expect(payRefusal(new DomainError(PaymentErrors.PAID_ON_IN_FUTURE, { today: '2026-12-07' }))).toEqual({
      status: 400,
      errors: [{ field: 'paidOn', message: 'finance.pay.error.paidOnFuture', params: { today: '2026-12-07' } }],
    });
    expect(payRefusal(new DomainError(IdempotencyErrors.KEY_REUSED))?.problem).toBe('finance.pay.problem.formUsed');
    const check = Object.assign(new Error('check'), { constraint: 'CK_ledger_accounts_balance' });
    expect(payRefusal(new QueryFailedError('UPDATE', [], check))).toEqual({
      status: 422,
      errors: [],
      problem: 'finance.pay.problem.funds',
    });
    expect(payRefusal(new Error('boom'))).toBeNull();
  });
});
