import fc from 'fast-check';
import { templateProblems } from '../../competitions/domain/award-rules';
import { scheduleProblems, splitAward, TrancheShare } from './tranches';

const template = (...bps: number[]): TrancheShare[] => bps.map((shareBp) => ({ shareBp }));

/** Random templates: k positive shares adding up to 10000. */
const templates = fc.integer({ min: 1, max: 8 }).chain((k) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return template(...points.slice(1).map((p, i) => p - points[i]));
  }),
);

describe('tranche schedules', () => {
  it('split 50/30/20 exactly, the leftover unit to the largest remainder', () => {
    expect(splitAward(300_000_00n, template(5000, 3000, 2000))).toEqual([150_000_00n, 90_000_00n, 60_000_00n]);
    expect(splitAward(100n, template(3333, 3333, 3334))).toEqual([33n, 33n, 34n]);
    expect(splitAward(10n, template(3333, 3333, 3334))).toEqual([3n, 3n, 4n]);
    // 1 tiyn in three equal-ish parts: the largest remainder (the 3334 share) takes it.
    expect(splitAward(1n, template(3333, 3333, 3334))).toEqual([0n, 0n, 1n]);
    expect(splitAward(2n, template(5000, 5000))).toEqual([1n, 1n]);
    expect(splitAward(3n, template(5000, 5000))).toEqual([2n, 1n]);
  });

  it.each<[bigint, number[], bigint[]]>([
    // The leftover units go to the largest remainders, ties to the earlier tranche.
    [0n, [5000, 3000, 2000], [0n, 0n, 0n]],
    [3n, [2500, 2500, 2500, 2500], [1n, 1n, 1n, 0n]],
    [1n, [2500, 2500, 2500, 2500], [1n, 0n, 0n, 0n]],
    [7n, [1000, 2000, 3000, 4000], [1n, 1n, 2n, 3n]],
    [9n, [4000, 3000, 2000, 1000], [3n, 3n, 2n, 1n]],
    [5n, [1500, 1500, 3500, 3500], [1n, 1n, 2n, 1n]],
  ])('split %s by %j into %j', (amount, shares, parts) => {
    expect(splitAward(amount, template(...shares))).toEqual(parts);
  });

  it('names every problem of a template it refuses to split by', () => {
    expect(() => splitAward(100n, template(10_001, 0))).toThrow(
      'tranche 1: share must be a whole number of basis points from 1 to 10000; ' +
        'tranche 2: share must be a whole number of basis points from 1 to 10000; ' +
        'the shares add up to 10001 basis points, not 10000',
    );
  });

  it('refuse a template whose shares do not add up, or are not whole positive basis points', () => {
    expect(templateProblems(template(5000, 3000))).toEqual(['the shares add up to 8000 basis points, not 10000']);
    expect(templateProblems(template(10_000, 0))).toContain(
      'tranche 2: share must be a whole number of basis points from 1 to 10000',
    );
    expect(templateProblems(template(5000.5, 4999.5))).toHaveLength(2);
    expect(templateProblems([])).toContain('a schedule needs at least one tranche');
    expect(() => splitAward(100n, template(5000))).toThrow(/add up/);
    expect(() => splitAward(-1n, template(10_000))).toThrow(/negative/);
  });

  it('always add up to the award, never negative, each within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), templates, (amount, t) => {
        const parts = splitAward(amount, t);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
        for (const [i, part] of parts.entries()) {
          expect(part >= 0n).toBe(true);
          const exact = amount * BigInt(t[i].shareBp);
          expect(part * 10_000n - exact < 10_000n && exact - part * 10_000n < 10_000n).toBe(true);
        }
        expect(scheduleProblems(amount, parts).filter((p) => p.field === 'amounts')).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('check an edited schedule: positive amounts adding up to the award', () => {
    expect(scheduleProblems(100n, [60n, 40n])).toEqual([]);
    expect(scheduleProblems(100n, [60n, 30n])).toEqual([
      { field: 'amounts', problems: ["the tranches add up to 90, not the award's 100"] },
    ]);
    expect(scheduleProblems(100n, [100n, 0n])).toEqual([
      { field: 'amounts.1', problems: ['tranche 2: amount must be positive'] },
    ]);
    expect(scheduleProblems(100n, [])).toContainEqual({
      field: 'amounts',
      problems: ['a schedule needs at least one tranche'],
    });
  });
});
