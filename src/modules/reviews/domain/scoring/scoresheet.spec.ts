import { createHash } from 'node:crypto';
import { Criterion, rubricScale, scoreProblems, scoresDigest, scoresheetPoints, scoresheetTotal } from './scoresheet';

const RUBRIC: Criterion[] = [
  { code: 'plan', weight: 3, max: 4 },
  { code: 'jobs', weight: 1, max: 10 },
];

describe('scoresheet rules (rule 5: every criterion within its scale)', () => {
  const wholeNumber = (code: string, max: number) => ({
    field: `scores.${code}`,
    problems: [`must be a whole number from 0 to ${max}`],
  });

  it.each([
    ['both at zero', { plan: 0, jobs: 0 }, []],
    ['both at their maximum', { plan: 4, jobs: 10 }, []],
    ['one below zero', { plan: -1, jobs: 5 }, [wholeNumber('plan', 4)]],
    ['one past its maximum', { plan: 5, jobs: 5 }, [wholeNumber('plan', 4)]],
    ['the other past its maximum', { plan: 1, jobs: 11 }, [wholeNumber('jobs', 10)]],
    ['a fraction', { plan: 2.5, jobs: 5 }, [wholeNumber('plan', 4)]],
    ['a string', { plan: '2', jobs: 5 }, [wholeNumber('plan', 4)]],
    ['one missing', { plan: 2 }, [wholeNumber('jobs', 10)]],
    ['both missing', {}, [wholeNumber('plan', 4), wholeNumber('jobs', 10)]],
    [
      'an unknown criterion',
      { plan: 2, jobs: 5, charm: 3 },
      [{ field: 'scores.charm', problems: ['not a criterion of this round'] }],
    ],
  ])('%s', (_case, scores: Record<string, unknown>, expected) => {
    expect(scoreProblems(RUBRIC, scores)).toEqual(expected);
  });
});

describe('scoresheet totals', () => {
  it.each([
    [{ plan: 0, jobs: 0 }, 0],
    [{ plan: 4, jobs: 10 }, 100],
    [{ plan: 4, jobs: 0 }, 75],
    [{ plan: 2, jobs: 5 }, 50],
    [{ plan: 1, jobs: 10 }, 43.75],
  ])('%j is %d of 100', (scores, total) => {
    expect(scoresheetTotal(RUBRIC, scores)).toBeCloseTo(total, 12);
  });

  it.each([
    ['no weight at all', [{ code: 'a', weight: 0, max: 4 }]],
    ['an empty rubric', []],
  ])('refuses a rubric with %s', (_case, criteria: Criterion[]) => {
    expect(() => scoresheetTotal(criteria, { a: 1 })).toThrow('a rubric needs a positive total weight');
  });

  it('takes any positive total weight', () => {
    expect(scoresheetTotal([{ code: 'a', weight: 1, max: 4 }], { a: 2 })).toBe(50);
  });
});

describe('exact points over the common scale', () => {
  it.each([
    [[{ code: 'a', weight: 1, max: 4 }], 4n, 1n],
    [RUBRIC, 20n, 4n],
    [
      [
        { code: 'a', weight: 2, max: 6 },
        { code: 'b', weight: 5, max: 4 },
        { code: 'c', weight: 1, max: 6 },
      ],
      12n,
      8n,
    ],
  ])('rubric %#: the least common multiple of the scales and the sum of the weights', (criteria, lcm, weights) => {
    expect(rubricScale(criteria)).toEqual({ lcm, weights });
  });

  it.each([
    [{ plan: 0, jobs: 0 }, 0n],
    [{ plan: 4, jobs: 10 }, 80n],
    [{ plan: 1, jobs: 0 }, 15n],
    [{ plan: 0, jobs: 1 }, 2n],
    [{ plan: 3, jobs: 7 }, 59n],
  ])('%j is %d points', (scores, points) => {
    const { lcm, weights } = rubricScale(RUBRIC);
    expect(scoresheetPoints(RUBRIC, lcm, scores)).toBe(points);
    // The total, as a share of the maximum, is exactly points over lcm x weights.
    expect(scoresheetTotal(RUBRIC, scores)).toBeCloseTo((100 * Number(points)) / Number(lcm * weights), 12);
  });

  it('gives equal points to sheets with equal totals on different scales', () => {
    const criteria: Criterion[] = [
      { code: 'a', weight: 1, max: 3 },
      { code: 'b', weight: 1, max: 6 },
    ];
    const { lcm } = rubricScale(criteria);
    expect(scoresheetPoints(criteria, lcm, { a: 1, b: 4 })).toBe(scoresheetPoints(criteria, lcm, { a: 2, b: 2 }));
  });
});

describe('the digest the audit log keeps of a scoresheet', () => {
  const expected = (id: string, ordered: [string, number][]) =>
    createHash('sha256')
      .update(JSON.stringify([id, ordered]))
      .digest('hex');

  it('hashes the id and the scores in code order', () => {
    expect(scoresDigest({ id: 's1', scores: { plan: 3, jobs: 7 } })).toBe(
      expected('s1', [
        ['jobs', 7],
        ['plan', 3],
      ]),
    );
  });

  it('does not depend on the order the scores came in, and changes with the id or any score', () => {
    const digest = scoresDigest({ id: 's1', scores: { plan: 3, jobs: 7 } });
    expect(scoresDigest({ id: 's1', scores: { jobs: 7, plan: 3 } })).toBe(digest);
    expect(scoresDigest({ id: 's2', scores: { plan: 3, jobs: 7 } })).not.toBe(digest);
    expect(scoresDigest({ id: 's1', scores: { plan: 3, jobs: 6 } })).not.toBe(digest);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
