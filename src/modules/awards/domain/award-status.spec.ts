import {
  AWARD_TRANSITIONS,
  awardAmountProblem,
  AwardStatus,
  awardStepsAfterPayment,
  canAward,
  canTranche,
  fourEyesProblem,
  TRANCHE_TRANSITIONS,
} from './award-status';

describe('award and tranche lifecycles', () => {
  it('follow DESIGN.md section 3', () => {
    expect(canAward('approve', 'proposed')).toBe(true);
    expect(canAward('accept', 'proposed')).toBe(false);
    expect(canAward('decline', 'approved')).toBe(true);
    expect(canAward('cancel', 'completed')).toBe(false);
    expect(canTranche('pay', 'approved')).toBe(true);
    expect(canTranche('pay', 'paid')).toBe(false);
    expect(canTranche('payment_failed', 'paid')).toBe(true);
    expect(canTranche('request', 'returned')).toBe(true);
    // Every transition leads somewhere the lifecycle knows.
    for (const t of Object.values(AWARD_TRANSITIONS)) expect(t.from.length).toBeGreaterThan(0);
    for (const t of Object.values(TRANCHE_TRANSITIONS)) expect(t.from.length).toBeGreaterThan(0);
  });

  it('keep four eyes on an approval (rule 9)', () => {
    expect(fourEyesProblem('m1', 'm1')).toMatch(/cannot approve/);
    expect(fourEyesProblem('m1', 'm2')).toBeNull();
  });

  it.each<[bigint, bigint, bigint, string | null]>([
    // amount, requested, maximum: each bound at and one tiyn past it
    [1n, 100n, 200n, null],
    [0n, 100n, 200n, 'an award must be positive'],
    [100n, 100n, 200n, null],
    [101n, 100n, 200n, 'an award cannot exceed the amount requested'],
    [120n, 300n, 120n, null],
    [121n, 300n, 120n, "an award cannot exceed the competition's maximum"],
  ])('an award of %s on a request of %s with a maximum of %s: %s', (amount, requested, maxAward, problem) => {
    expect(awardAmountProblem(amount, requested, maxAward)).toBe(problem);
  });

  it('bound an award by the request and the competition maximum (rule 8)', () => {
    expect(awardAmountProblem(100n, 100n, 200n)).toBeNull();
    expect(awardAmountProblem(101n, 100n, 200n)).toMatch(/requested/);
    expect(awardAmountProblem(150n, 300n, 120n)).toMatch(/maximum/);
    expect(awardAmountProblem(0n, 100n, 200n)).toMatch(/positive/);
    expect(awardAmountProblem(-5n, 100n, 200n)).toMatch(/positive/);
  });

  it.each([
    ['accepted', false, ['activate']],
    ['accepted', true, ['activate', 'complete']],
    ['active', false, []],
    ['active', true, ['complete']],
  ] as const)('an award %s after a payment (every tranche paid: %s) takes %j', (status, allPaid, steps) => {
    expect(awardStepsAfterPayment(status, allPaid)).toEqual(steps);
  });

  it('the steps after a payment follow the award transition table in order', () => {
    for (const status of ['accepted', 'active'] as AwardStatus[]) {
      for (const allPaid of [false, true]) {
        let current = status;
        for (const step of awardStepsAfterPayment(status, allPaid)) {
          expect(AWARD_TRANSITIONS[step].from).toContain(current);
          current = AWARD_TRANSITIONS[step].to;
        }
        expect(current).toBe(allPaid ? 'completed' : 'active');
      }
    }
  });
});
