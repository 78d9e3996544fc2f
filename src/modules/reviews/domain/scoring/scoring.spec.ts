import fc from 'fast-check';
import { calibrate, isConnected } from './calibration';
import { krippendorffAlphaInterval } from './reliability';
import { computeResults, RoundInput } from './results';
import { Criterion, scoreProblems, scoresheetTotal } from './scoresheet';

const RUBRIC: Criterion[] = [
  { code: 'plan', weight: 3, max: 5, min: 2 },
  { code: 'viability', weight: 2, max: 10 },
];

describe('scoresheets', () => {
  it('total the weighted share of the maximum, 0-100', () => {
    expect(scoresheetTotal(RUBRIC, { plan: 5, viability: 10 })).toBe(100);
    expect(scoresheetTotal(RUBRIC, { plan: 0, viability: 0 })).toBe(0);
    expect(scoresheetTotal(RUBRIC, { plan: 5, viability: 0 })).toBe(60);
  });

  it('are checked against the rubric: whole numbers within each scale, no unknown criteria', () => {
    expect(scoreProblems(RUBRIC, { plan: 3, viability: 10 })).toEqual([]);
    expect(scoreProblems(RUBRIC, { plan: 6, viability: 1.5, extra: 1 }).map((p) => p.field)).toEqual([
      'scores.plan',
      'scores.viability',
      'scores.extra',
    ]);
  });
});

describe("Krippendorff's alpha (interval)", () => {
  it('is 1 for perfect agreement, about 0 or below for unrelated values, null without pairable data', () => {
    expect(
      krippendorffAlphaInterval([
        [10, 10],
        [50, 50],
        [90, 90],
      ]),
    ).toBeCloseTo(1);
    expect(
      krippendorffAlphaInterval([
        [10, 90],
        [90, 10],
        [50, 50],
      ])!,
    ).toBeLessThan(0.1);
    expect(krippendorffAlphaInterval([[10], [20]])).toBeNull();
  });

  it('matches a hand computation', () => {
    // Units: [1,3] and [5,5]; n=4, mean=3.5, SS=11; observed=(2*2*2/1)/4=2; expected=2*11/3.
    expect(
      krippendorffAlphaInterval([
        [1, 3],
        [5, 5],
      ]),
    ).toBeCloseTo(1 - 2 / (22 / 3));
  });
});

describe('calibration (total = quality + juror offset)', () => {
  it('recovers the true order when a harsh juror happens to score the strongest applications', () => {
    const quality: Record<string, number> = { a: 80, b: 70, c: 60, d: 50 };
    const offset: Record<string, number> = { harsh: -20, kind: 10, fair: 0 };
    const pairs: [string, string][] = [
      ['a', 'harsh'],
      ['a', 'fair'],
      ['b', 'harsh'],
      ['b', 'fair'],
      ['c', 'kind'],
      ['c', 'fair'],
      ['d', 'kind'],
      ['d', 'fair'],
    ];
    const ratings = pairs.map(([application, juror]) => ({
      application,
      juror,
      total: quality[application] + offset[juror],
    }));
    const { quality: q } = calibrate(ratings, 0.01);
    expect(['a', 'b', 'c', 'd'].sort((x, y) => q.get(y)! - q.get(x)!)).toEqual(['a', 'b', 'c', 'd']);
    const officialOrder = ['a', 'b', 'c', 'd'].sort((x, y) => mean(ratings, y) - mean(ratings, x));
    expect(officialOrder).not.toEqual(['a', 'b', 'c', 'd']);
    expect(isConnected(ratings)).toBe(true);
    expect(
      isConnected([
        { application: 'x', juror: 'p', total: 1 },
        { application: 'y', juror: 'q', total: 1 },
      ]),
    ).toBe(false);
  });
});

describe('calibration is the least-squares fit itself', () => {
  it('satisfies the normal equations: residuals sum to zero per application, and to ridge x offset per juror', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 100 })),
          { minLength: 1, maxLength: 40 },
        ),
        (triples) => {
          const seen = new Set<string>();
          const ratings = triples
            .filter(([a, j]) => !seen.has(`${a}:${j}`) && seen.add(`${a}:${j}`))
            .map(([a, j, total]) => ({ application: `a${a}`, juror: `j${j}`, total }));
          const { quality, offset } = calibrate(ratings, 1);
          const residual = (r: (typeof ratings)[number]) =>
            r.total - quality.get(r.application)! - offset.get(r.juror)!;
          for (const a of quality.keys())
            expect(
              Math.abs(ratings.filter((r) => r.application === a).reduce((s, r) => s + residual(r), 0)),
            ).toBeLessThan(1e-7);
          for (const [j, b] of offset)
            expect(
              Math.abs(ratings.filter((r) => r.juror === j).reduce((s, r) => s + residual(r), 0) - 1 * b),
            ).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function mean(ratings: { application: string; total: number }[], id: string): number {
  const mine = ratings.filter((r) => r.application === id);
  return mine.reduce((s, r) => s + r.total, 0) / mine.length;
}

const base = (overrides: Partial<RoundInput> = {}): RoundInput => ({
  criteria: RUBRIC,
  priorityCriterion: 'plan',
  quorum: 2,
  scoresheets: [],
  applications: [],
  advancement: { kind: 'top', n: 2 },
  calibratedDecisive: false,
  dispute: { spread: 30, margin: 1, maxShare: 0.5 },
  seed: 'published-seed',
  ...overrides,
});

describe('round results', () => {
  const sheet = (application: string, juror: string, plan: number, viability: number) => ({
    application,
    juror,
    scores: { plan, viability },
  });

  it('rank by official score with quorum, bar gated applications, and advance the top N', () => {
    const results = computeResults(
      base({
        applications: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, requestedAmount: 100n })),
        scoresheets: [
          sheet('a', 'j1', 5, 9),
          sheet('a', 'j2', 4, 8),
          sheet('b', 'j1', 1, 10),
          sheet('b', 'j2', 1, 10),
          sheet('c', 'j1', 4, 5),
          sheet('c', 'j2', 3, 6),
          sheet('d', 'j1', 3, 3),
          sheet('d', 'j2', 3, 4),
          sheet('e', 'j1', 5, 10),
        ],
      }),
    );
    const byId = Object.fromEntries(results.applications.map((r) => [r.id, r]));
    expect(byId.e).toMatchObject({ reason: 'below_quorum', rank: null, advanced: false });
    expect(byId.b).toMatchObject({ gatesFailed: ['plan'], reason: 'below_gate', advanced: false });
    expect(byId.a).toMatchObject({ rank: 1, advanced: true, reason: 'advanced' });
    expect(byId.c).toMatchObject({ advanced: true });
    expect(byId.d).toMatchObject({ reason: 'below_line', advanced: false });
    expect(results.calibrationBlockedBy).toBe('not_declared');
  });

  it('break ties on the priority criterion, then the lower request, then the published lot', () => {
    const tied = computeResults(
      base({
        advancement: { kind: 'top', n: 1 },
        applications: [
          { id: 'x', requestedAmount: 500n },
          { id: 'y', requestedAmount: 100n },
        ],
        scoresheets: [sheet('x', 'j1', 4, 4), sheet('x', 'j2', 4, 4), sheet('y', 'j1', 4, 4), sheet('y', 'j2', 4, 4)],
      }),
    );
    expect(tied.applications.find((r) => r.advanced)?.id).toBe('y');
    const byLot = (seed: string) =>
      computeResults(
        base({
          seed,
          advancement: { kind: 'top', n: 1 },
          applications: [
            { id: 'x', requestedAmount: 100n },
            { id: 'y', requestedAmount: 100n },
          ],
          scoresheets: [sheet('x', 'j1', 4, 4), sheet('x', 'j2', 4, 4), sheet('y', 'j1', 4, 4), sheet('y', 'j2', 4, 4)],
        }),
      ).applications.find((r) => r.advanced)?.id;
    expect(byLot('s1')).toBe(byLot('s1'));
    expect(new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map(byLot)).size).toBe(2);
  });

  it('compare equal totals as equal, so the priority criterion breaks the tie, not rounding noise', () => {
    // Both average exactly 16/28 of the maximum; as floats, 4/28 + 28/28 and 8/28 + 24/28 differ in the last bit.
    const criteria: Criterion[] = [
      { code: 'plan', weight: 3, max: 4 },
      { code: 'feasibility', weight: 2, max: 4 },
      { code: 'jobs', weight: 1, max: 4 },
      { code: 'own', weight: 1, max: 4 },
    ];
    const s = (application: string, juror: string, [plan, feasibility, jobs, own]: number[]) => ({
      application,
      juror,
      scores: { plan, feasibility, jobs, own },
    });
    const results = computeResults(
      base({
        criteria,
        advancement: { kind: 'top', n: 1 },
        applications: [
          { id: 'a', requestedAmount: 100n },
          { id: 'b', requestedAmount: 100n },
        ],
        scoresheets: [
          s('a', 'j1', [0, 0, 0, 4]),
          s('a', 'j2', [4, 4, 4, 4]),
          s('b', 'j1', [1, 0, 1, 4]),
          s('b', 'j2', [4, 2, 4, 4]),
        ],
      }),
    );
    expect(results.applications.find((r) => r.advanced)?.id).toBe('b');
  });

  it('put the dispute line after the last application that advanced, past gated ones ranked above it', () => {
    // g1, g2 score highest but fail the gate; a and b advance (top 2), so the line falls between b (rank 4) and c (rank 5).
    const results = computeResults(
      base({
        advancement: { kind: 'top', n: 2 },
        dispute: { spread: 5, margin: 1, maxShare: 1 },
        applications: ['g1', 'g2', 'a', 'b', 'c', 'd'].map((id) => ({ id, requestedAmount: 100n })),
        scoresheets: [
          sheet('g1', 'j1', 1, 10),
          sheet('g1', 'j2', 1, 10), // 52, gated
          sheet('g2', 'j1', 1, 9),
          sheet('g2', 'j2', 1, 9), // 48, gated
          sheet('a', 'j1', 2, 5),
          sheet('a', 'j2', 2, 5), // 44
          sheet('b', 'j1', 3, 0),
          sheet('b', 'j2', 2, 6), // 42, spread 12
          sheet('c', 'j1', 2, 0),
          sheet('c', 'j2', 3, 5), // 40, spread 32
          sheet('d', 'j1', 2, 1),
          sheet('d', 'j2', 2, 1), // 28
        ],
      }),
    );
    const byId = Object.fromEntries(results.applications.map((r) => [r.id, r]));
    expect([byId.g1.rank, byId.g2.rank, byId.a.rank, byId.b.rank, byId.c.rank]).toEqual([1, 2, 3, 4, 5]);
    expect(
      results.applications
        .filter((r) => r.advanced)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(
      results.applications
        .filter((r) => r.disputed)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['b', 'c']);
  });

  it('advance by cut-off or by a multiple of the budget', () => {
    const input = base({
      applications: [
        { id: 'a', requestedAmount: 600n },
        { id: 'b', requestedAmount: 500n },
        { id: 'c', requestedAmount: 100n },
      ],
      scoresheets: [
        sheet('a', 'j1', 5, 10),
        sheet('a', 'j2', 5, 10),
        sheet('b', 'j1', 4, 8),
        sheet('b', 'j2', 4, 8),
        sheet('c', 'j1', 3, 2),
        sheet('c', 'j2', 3, 2),
      ],
    });
    const cut = computeResults({ ...input, advancement: { kind: 'cutoff', score: 70 } });
    expect(cut.applications.filter((r) => r.advanced).map((r) => r.id)).toEqual(['a', 'b']);
    const budget = computeResults({ ...input, advancement: { kind: 'budget', multiple: 1.5, budget: 700n } });
    expect(budget.applications.filter((r) => r.advanced).map((r) => r.id)).toEqual(['a']);
  });

  it('flag disputed applications: a wide spread near the line, capped at a share of the round', () => {
    const results = computeResults(
      base({
        advancement: { kind: 'top', n: 1 },
        applications: ['a', 'b', 'c', 'd'].map((id) => ({ id, requestedAmount: 100n })),
        scoresheets: [
          sheet('a', 'j1', 5, 10),
          sheet('a', 'j2', 5, 9),
          sheet('b', 'j1', 5, 10),
          sheet('b', 'j2', 2, 0),
          sheet('c', 'j1', 3, 5),
          sheet('c', 'j2', 3, 5),
          sheet('d', 'j1', 5, 10),
          sheet('d', 'j2', 2, 0),
        ],
      }),
    );
    const disputed = results.applications.filter((r) => r.disputed).map((r) => r.id);
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.every((id) => ['b', 'd'].includes(id))).toBe(true);
  });

  it('are the same whatever order the scoresheets arrive in', () => {
    const scoresheets = ['a', 'b', 'c', 'd'].flatMap((application, i) =>
      ['j1', 'j2', 'j3'].map((juror, k) => sheet(application, juror, 2 + ((i + k) % 4), (i * 3 + k * 2) % 11)),
    );
    const input = base({
      applications: ['a', 'b', 'c', 'd'].map((id) => ({ id, requestedAmount: 100n })),
      scoresheets,
    });
    const expected = computeResults(input);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(scoresheets, { minLength: scoresheets.length, maxLength: scoresheets.length }),
        (shuffled) => {
          expect(computeResults({ ...input, scoresheets: shuffled })).toEqual(expected);
        },
      ),
    );
  });
});
