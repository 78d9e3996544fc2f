import fc from 'fast-check';
import { paidOnProblem, payerFourEyesProblem, PAYMENT_TRANSITIONS } from './payment-rules';

describe('payment rules', () => {
  it('a recorded payment fails once; a failed one never again', () => {
    expect(PAYMENT_TRANSITIONS.fail.from).toEqual(['recorded']);
    expect(PAYMENT_TRANSITIONS.fail.from).not.toContain(PAYMENT_TRANSITIONS.fail.to);
  });

  it('refuses the tranche approver as payer, and no one else', () => {
    expect(payerFourEyesProblem('m1', 'm1')).toMatch(/approved/);
    expect(payerFourEyesProblem('m1', 'f1')).toBeNull();
    expect(payerFourEyesProblem(null, 'f1')).toBeNull();
  });

  it('accepts value dates from the day of acceptance to today', () => {
    expect(paidOnProblem('2026-03-10', '2026-03-10', '2026-03-01')).toBeNull();
    expect(paidOnProblem('2026-03-01', '2026-03-10', '2026-03-01')).toBeNull();
    expect(paidOnProblem('2026-03-11', '2026-03-10', '2026-03-01')).toBe('future');
    expect(paidOnProblem('2026-02-28', '2026-03-10', '2026-03-01')).toBe('before_acceptance');
  });

  it('compares calendar dates as dates', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (paidOn, today, acceptedOn) => {
        const t = (s: string) => Date.parse(`${s}T00:00:00Z`);
        const expected = t(paidOn) > t(today) ? 'future' : t(paidOn) < t(acceptedOn) ? 'before_acceptance' : null;
        expect(paidOnProblem(paidOn, today, acceptedOn)).toBe(expected);
      }),
    );
  });
});
