import fc from 'fast-check';
import { assign } from './assignment';
import { edgesFromCandidates } from './candidates';
import { assignSparse, CandidateInstance, solveSparse, SparseResult, SparseTuning } from './sparse';

/** A narrow first graph (no juror-side candidates) and no fallback, so widening does the work. */
const narrow: SparseTuning = { jurorWidth: 0, rounds: 100, share: 1, minPairs: 0, denseExplanationPairs: Infinity };

/** Small instances, often tight: few eligible jurors, minimum loads, ties in affinity. */
const small: fc.Arbitrary<CandidateInstance> = fc
  .record({ n: fc.integer({ min: 1, max: 8 }), m: fc.integer({ min: 1, max: 7 }) })
  .chain(({ n, m }) =>
    fc.record({
      applications: fc.constant(n),
      jurors: fc.constant(m),
      demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      loads: fc.array(fc.tuple(fc.constantFrom(0, 0, 0, 1, 2), fc.integer({ min: 0, max: 4 })), {
        minLength: m,
        maxLength: m,
      }),
      // null: a conflict, the pair is not eligible.
      affinities: fc.array(
        fc.array(fc.option(fc.integer({ min: -3, max: 8 }), { freq: 5 }), { minLength: m, maxLength: m }),
        { minLength: n, maxLength: n },
      ),
      // Mostly trim demand to the eligible jurors, so most instances are feasible and some are not.
      trim: fc.boolean(),
    }),
  )
  .map(({ applications, jurors, demand, loads, affinities, trim }) => {
    const candidates = affinities.map((row) => row.flatMap((a, j): [number, number][] => (a === null ? [] : [[j, a]])));
    return {
      applications,
      jurors,
      demand: demand.map((d, i) => (trim ? Math.min(d, candidates[i].length) : d)),
      minLoad: loads.map(([min]) => min),
      maxLoad: loads.map(([min, extra]) => min + extra),
      candidates,
    };
  });

/** Every law a result must break, named; empty when the result keeps them all. */
function violations(instance: CandidateInstance, result: SparseResult, alternates: number): string[] {
  if (!result.feasible) return [];
  const problems: string[] = [];
  const affinity = new Map(instance.candidates.flatMap((list, i) => list.map(([j, a]) => [`${i}:${j}`, a] as const)));
  const perApp = new Array<number>(instance.applications).fill(0);
  const perJuror = new Array<number>(instance.jurors).fill(0);
  let total = 0;
  for (const [i, j] of result.assignment) {
    if (!affinity.has(`${i}:${j}`)) problems.push(`pair ${i},${j} is not allowed`);
    total += affinity.get(`${i}:${j}`) ?? 0;
    perApp[i] += 1;
    perJuror[j] += 1;
  }
  if (new Set(result.assignment.map(([i, j]) => `${i}:${j}`)).size !== result.assignment.length)
    problems.push('a pair repeats');
  if (total !== result.objective) problems.push(`objective ${result.objective} but the pairs add up to ${total}`);
  perApp.forEach((count, i) => count !== instance.demand[i] && problems.push(`application ${i} has ${count} jurors`));
  perJuror.forEach(
    (load, j) =>
      (load < instance.minLoad[j] || load > instance.maxLoad[j]) && problems.push(`juror ${j} has load ${load}`),
  );

  if (result.alternates.length !== instance.applications) problems.push('alternates are not listed per application');
  result.alternates.forEach((list, i) => {
    const mine = new Set(result.assignment.filter(([a]) => a === i).map(([, j]) => j));
    const others = instance.candidates[i].filter(([j]) => !mine.has(j));
    const scores = list.map((j) => affinity.get(`${i}:${j}`) ?? NaN);
    const weakest = Math.min(...scores);
    if (list.length !== Math.min(alternates, others.length))
      problems.push(`application ${i} lists ${list.length} alternates`);
    if (new Set(list).size !== list.length) problems.push(`application ${i} repeats an alternate`);
    if (list.some((j) => mine.has(j) || !affinity.has(`${i}:${j}`)))
      problems.push(`application ${i} lists an assigned or ineligible alternate`);
    if (scores.some((a, k) => k > 0 && a > scores[k - 1]))
      problems.push(`application ${i} alternates are not by affinity`);
    if (others.some(([j, a]) => !list.includes(j) && a > weakest))
      problems.push(`application ${i} leaves out a better alternate`);
  });
  return problems;
}

describe('sparse juror assignment (top candidates widened until a dual certificate holds)', () => {
  it('agrees with the dense solver on feasibility, objective and explanation, and keeps every law', () => {
    let [runs, certified] = [0, 0];
    fc.assert(
      fc.property(
        small,
        fc.integer(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (instance, seed, initialCandidates, alternates) => {
          runs += 1;
          const dense = assign(edgesFromCandidates(instance), seed);
          const sparse = solveSparse(instance, seed, { initialCandidates, alternates }, narrow);
          expect(sparse.feasible).toBe(dense.feasible);
          if (!dense.feasible) expect(sparse).toMatchObject({ feasible: false, explanation: dense.explanation });
          else expect(sparse).toMatchObject({ feasible: true, objective: dense.objective });
          expect(violations(instance, sparse, alternates)).toEqual([]);
          const pairs = instance.candidates.reduce((sum, list) => sum + list.length, 0);
          expect(sparse.stats.edges).toBeLessThanOrEqual(pairs);
          if (sparse.feasible && sparse.stats.provedOptimal && sparse.stats.edges < pairs) certified += 1;
        },
      ),
      { numRuns: 2000 },
    );
    // The certificate (not the full-graph fallback) settled a good share of the runs (a fifth; the
    // count, not 400 of 2000, since the mutation run caps runs).
    expect(certified).toBeGreaterThan(runs / 5);
  });

  it('starts from the default width and returns the dense optimum on larger random instances', () => {
    const larger = fc
      .record({ n: fc.integer({ min: 10, max: 40 }), m: fc.integer({ min: 4, max: 12 }), seed: fc.integer() })
      .map(({ n, m, seed }) => {
        let state = seed >>> 0;
        const next = (k: number) => {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          return state % k;
        };
        const demand = Array.from({ length: n }, () => 1 + next(3));
        const need = demand.reduce((a, b) => a + b, 0);
        const maxLoad = Array.from({ length: m }, () => Math.ceil(need / m) + next(2));
        const minLoad = maxLoad.map((max) => (next(2) ? 0 : Math.floor(max / 2)));
        const candidates = demand.map(() =>
          Array.from({ length: m }, (_, j) => j)
            .filter(() => next(10) > 0)
            .map((j): [number, number] => [j, next(2) * 10 + next(4)]),
        );
        return { instance: { applications: n, jurors: m, demand, minLoad, maxLoad, candidates }, seed };
      });
    fc.assert(
      fc.property(larger, ({ instance, seed }) => {
        const dense = assign(edgesFromCandidates(instance), seed);
        const sparse = assignSparse(instance, seed);
        expect(sparse.feasible).toBe(dense.feasible);
        if (dense.feasible) expect(sparse).toMatchObject({ objective: dense.objective });
        expect(violations(instance, sparse, 3)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to the full graph when told to, with the same optimum', () => {
    fc.assert(
      fc.property(
        small,
        fc.integer(),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (instance, seed, rounds, share) => {
          const dense = assign(edgesFromCandidates(instance), seed);
          const sparse = solveSparse(instance, seed, { initialCandidates: 1 }, { ...narrow, rounds, share });
          expect(sparse.feasible).toBe(dense.feasible);
          if (dense.feasible) expect(sparse).toMatchObject({ objective: dense.objective });
          expect(violations(instance, sparse, 3)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
    const instance: CandidateInstance = {
      applications: 2,
      jurors: 3,
      demand: [1, 1],
      minLoad: [0, 0, 0],
      maxLoad: [1, 1, 1],
      candidates: [
        [
          [0, 5],
          [1, 4],
          [2, 1],
        ],
        [
          [0, 5],
          [1, 1],
          [2, 1],
        ],
      ],
    };
    expect(solveSparse(instance, 0, { initialCandidates: 1 }, { ...narrow, rounds: 1 })).toMatchObject({
      objective: 9,
      stats: { rounds: 2, edges: 6, provedOptimal: false },
    });
  });

  it('is deterministic for a seed, and the seed breaks ties', () => {
    const instance: CandidateInstance = {
      applications: 6,
      jurors: 6,
      demand: [1, 1, 1, 1, 1, 1],
      minLoad: [0, 0, 0, 0, 0, 0],
      maxLoad: [2, 2, 2, 2, 2, 2],
      candidates: Array.from({ length: 6 }, () => Array.from({ length: 6 }, (_, j): [number, number] => [j, 5])),
    };
    expect(assignSparse(instance, 7)).toEqual(assignSparse(instance, 7));
    const runs = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
      JSON.stringify(assignSparse(instance, seed).feasible && assignSparse(instance, seed)),
    );
    expect(new Set(runs).size).toBeGreaterThan(1);
  });

  it('widens past the top candidates when they are all taken by others', () => {
    // Every application ranks jurors 0 and 1 first, but they can take one application each: the
    // optimum sends the rest to jurors 2..5, which no first-round list holds.
    const candidates = Array.from(
      { length: 6 },
      (_, i) =>
        [
          [0, 9],
          [1, 9],
          [2, 1 + (i % 3)],
          [3, 2],
          [4, 1],
          [5, i],
        ] as [number, number][],
    );
    const instance: CandidateInstance = {
      applications: 6,
      jurors: 6,
      demand: [1, 1, 1, 1, 1, 1],
      minLoad: [1, 1, 0, 0, 0, 1],
      maxLoad: [1, 1, 2, 2, 2, 2],
      candidates,
    };
    const result = solveSparse(instance, 3, { initialCandidates: 2 }, narrow);
    const dense = assign(edgesFromCandidates(instance), 3);
    expect(dense.feasible).toBe(true);
    expect(result).toMatchObject({ feasible: true, objective: dense.feasible ? dense.objective : NaN });
    expect(result.stats.rounds).toBeGreaterThan(1);
    expect(violations(instance, result, 3)).toEqual([]);
  });

  it('names the short applications and jurors itself when the dense explanation would take too long', () => {
    fc.assert(
      fc.property(small, fc.integer(), (instance, seed) => {
        const dense = assign(edgesFromCandidates(instance), seed);
        const sparse = solveSparse(instance, seed, {}, { ...narrow, denseExplanationPairs: 0 });
        expect(sparse.feasible).toBe(dense.feasible);
        if (dense.feasible || sparse.feasible) return;
        expect(sparse.explanation.map((e) => e.reason)).toEqual(dense.explanation.map((e) => e.reason));
        // A conflict names somebody: an application left short or a juror left below minimum.
        for (const e of sparse.explanation)
          if (e.reason === 'constraints_conflict') expect(e.applications.length + e.jurors.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    const lonely: CandidateInstance = {
      applications: 3,
      jurors: 2,
      demand: [1, 1, 1],
      minLoad: [0, 2],
      maxLoad: [3, 2],
      candidates: [
        [
          [0, 5],
          [1, 1],
        ],
        [[0, 5]],
        [[0, 5]],
      ],
    };
    expect(solveSparse(lonely, 0, {}, { ...narrow, denseExplanationPairs: 0 })).toMatchObject({
      feasible: false,
      explanation: [{ reason: 'constraints_conflict', applications: [], jurors: [1] }],
    });
  });

  it('explains infeasible input with the dense explanation', () => {
    const short: CandidateInstance = {
      applications: 2,
      jurors: 2,
      demand: [2, 1],
      minLoad: [0, 0],
      maxLoad: [2, 2],
      candidates: [
        [[0, 1]],
        [
          [0, 1],
          [1, 1],
        ],
      ],
    };
    expect(assignSparse(short, 0)).toMatchObject({
      feasible: false,
      explanation: [{ reason: 'too_few_eligible_jurors', applications: [0] }],
    });
    const tight: CandidateInstance = {
      applications: 2,
      jurors: 2,
      demand: [1, 1],
      minLoad: [0, 1],
      maxLoad: [1, 1],
      candidates: [[[0, 1]], [[0, 1]]],
    };
    expect(assignSparse(tight, 0)).toMatchObject({
      feasible: false,
      explanation: [{ reason: 'constraints_conflict', jurors: [1] }],
    });
  });
});
