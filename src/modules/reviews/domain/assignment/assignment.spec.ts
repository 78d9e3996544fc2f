import fc from 'fast-check';
import { assign, AssignmentInstance, instanceProblems } from './assignment';

/** Exhaustive search over every subset of edges: the true optimum of a tiny instance. */
function bruteForce(x: AssignmentInstance): number | null {
  let best: number | null = null;
  const count = x.edges.length;
  for (let mask = 0; mask < 1 << count; mask += 1) {
    const perApp = new Array<number>(x.applications).fill(0);
    const perJuror = new Array<number>(x.jurors).fill(0);
    let total = 0;
    for (let k = 0; k < count; k += 1) {
      if (!(mask & (1 << k))) continue;
      const [i, j, a] = x.edges[k];
      perApp[i] += 1;
      perJuror[j] += 1;
      total += a;
    }
    const ok =
      perApp.every((c, i) => c === x.demand[i]) && perJuror.every((c, j) => c >= x.minLoad[j] && c <= x.maxLoad[j]);
    if (ok && (best === null || total > best)) best = total;
  }
  return best;
}

const tiny: fc.Arbitrary<AssignmentInstance> = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, m }) =>
    fc.record({
      applications: fc.constant(n),
      jurors: fc.constant(m),
      demand: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      loads: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 3 })), {
        minLength: m,
        maxLength: m,
      }),
      edges: fc.uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: m - 1 }),
          fc.integer({ min: -5, max: 10 }),
        ),
        {
          maxLength: Math.min(12, n * m),
          selector: ([i, j]) => `${i}:${j}`,
        },
      ),
    }),
  )
  .map(({ applications, jurors, demand, loads, edges }) => ({
    applications,
    jurors,
    demand,
    minLoad: loads.map(([min, extra]) => Math.min(min, min + extra)),
    maxLoad: loads.map(([min, extra]) => min + extra),
    edges,
  }));

describe('juror assignment (min-cost flow with lower bounds)', () => {
  it('finds the true optimum, or says infeasible exactly when no assignment exists', () => {
    fc.assert(
      fc.property(tiny, fc.integer(), (instance, seed) => {
        const best = bruteForce(instance);
        const result = assign(instance, seed);
        if (best === null) {
          expect(result.feasible).toBe(false);
          return;
        }
        expect(result).toMatchObject({ feasible: true, objective: best });
        if (!result.feasible) return;
        const perApp = new Array<number>(instance.applications).fill(0);
        const perJuror = new Array<number>(instance.jurors).fill(0);
        for (const [i, j] of result.assignment) {
          perApp[i] += 1;
          perJuror[j] += 1;
          expect(instance.edges.some(([a, b]) => a === i && b === j)).toBe(true);
        }
        expect(perApp).toEqual(instance.demand);
        perJuror.forEach((c, j) => expect(c >= instance.minLoad[j] && c <= instance.maxLoad[j]).toBe(true));
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic for a seed', () => {
    const instance: AssignmentInstance = {
      applications: 3,
      jurors: 3,
      demand: [1, 1, 1],
      minLoad: [0, 0, 0],
      maxLoad: [1, 1, 1],
      edges: [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => [i, j, 1] as [number, number, number])),
    };
    expect(assign(instance, 7)).toEqual(assign(instance, 7));
  });

  it('explains infeasible input: applications short of eligible jurors, loads too small, minimum loads too large', () => {
    const base = {
      applications: 2,
      jurors: 2,
      demand: [2, 1],
      minLoad: [0, 0],
      maxLoad: [2, 2],
      edges: [
        [0, 0, 1],
        [1, 0, 1],
        [1, 1, 1],
      ] as [number, number, number][],
    };
    const short = assign(base);
    expect(short).toMatchObject({
      feasible: false,
      explanation: [{ reason: 'too_few_eligible_jurors', applications: [0] }],
    });
    const small = assign({
      ...base,
      demand: [1, 1],
      maxLoad: [1, 0],
      edges: [
        [0, 0, 1],
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 1],
      ],
    });
    expect(small).toMatchObject({ feasible: false, explanation: [{ reason: 'loads_too_small' }] });
    const floors = assign({
      ...base,
      demand: [1, 0],
      minLoad: [1, 1],
      edges: [
        [0, 0, 1],
        [0, 1, 1],
      ],
    });
    expect(floors).toMatchObject({ feasible: false, explanation: [{ reason: 'minimum_loads_too_large' }] });
    const conflict = assign({
      applications: 2,
      jurors: 2,
      demand: [1, 1],
      minLoad: [0, 0],
      maxLoad: [2, 2],
      edges: [
        [0, 0, 1],
        [1, 0, 1],
        [1, 1, 1],
      ].slice(0, 2) as [number, number, number][],
    });
    expect(conflict.feasible).toBe(true);
    const tight = assign({
      applications: 2,
      jurors: 2,
      demand: [1, 1],
      minLoad: [0, 1],
      maxLoad: [1, 1],
      edges: [
        [0, 0, 1],
        [1, 0, 1],
      ],
    });
    expect(tight).toMatchObject({ feasible: false, explanation: [{ reason: 'constraints_conflict', jurors: [1] }] });
  });

  it('validates the instance file', () => {
    expect(
      instanceProblems({ applications: 1, jurors: 1, demand: [1], minLoad: [0], maxLoad: [1], edges: [[0, 0, 3]] }),
    ).toEqual([]);
    expect(
      instanceProblems({
        applications: 1,
        jurors: 1,
        demand: [1, 2],
        minLoad: [2],
        maxLoad: [1],
        edges: [
          [0, 0, 3],
          [0, 0, 1],
          [0, 5, 1],
        ],
      }),
    ).toEqual([
      'demand must list 1 non-negative integers',
      'edges[1] repeats the pair 0,0',
      'edges[2] names an unknown application or juror',
    ]);
  });
});
