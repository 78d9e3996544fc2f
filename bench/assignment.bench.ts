/**
 * The juror-assignment engine on generated competitions, no database:
 *
 * - 300 applications x 20 jurors, 2,000 x 100 and 10,000 x 500, three jurors per application;
 * - about 2.5% of pairs conflicted (removed); maximum loads 0.8 to 1.15 of the average load, raised
 *   round-robin until they cover the demand; minimum loads 0 for half the jurors, else a little
 *   below the average;
 * - seven sectors (one per application, one to three per juror) and ten districts: affinity is 10
 *   for a sector match, 2 for a juror from another district, plus noise 0..3.
 *
 * For each: seconds (the median of five solves for the two smaller ones), objective, pairs in the last sparse graph, rounds, whether the dual certificate
 * proved the optimum; for the two smaller ones also the dense solver on the full graph, to check
 * the optimum. Goals: 0.1 s, 1 s and 15 s. A first, untimed-for-the-goals solve warms the JIT up
 * (its cold time is printed too).
 *
 *   npm run bench -- assignment [--n 4000]   (--n: one instance of n x n/20 instead)
 */
import { assign } from '../src/modules/reviews/domain/assignment/assignment';
import { edgesFromCandidates } from '../src/modules/reviews/domain/assignment/candidates';
import { seededRandom } from '../src/modules/reviews/domain/assignment/assignment';
import { assignSparse, CandidateInstance } from '../src/modules/reviews/domain/assignment/sparse';

const SECTORS = 7;
const DISTRICTS = 10;
const PER_APPLICATION = 3;
const CONFLICTED = 0.025;

export function generateCompetition(applications: number, jurors: number, seed: number): CandidateInstance {
  const rand = seededRandom(seed);
  const below = (k: number) => Math.floor(rand() * k);
  const appSector = Array.from({ length: applications }, () => below(SECTORS));
  const appDistrict = Array.from({ length: applications }, () => below(DISTRICTS));
  const jurorDistrict = Array.from({ length: jurors }, () => below(DISTRICTS));
  const expertise = Array.from({ length: jurors }, () => {
    const sectors = new Set<number>();
    const count = 1 + below(3);
    while (sectors.size < count) sectors.add(below(SECTORS));
    return sectors;
  });
  const candidates = appSector.map((sector, i) =>
    Array.from({ length: jurors }, (_, j) => j)
      .filter(() => rand() >= CONFLICTED)
      .map((j): [number, number] => [
        j,
        (expertise[j].has(sector) ? 10 : 0) + (jurorDistrict[j] !== appDistrict[i] ? 2 : 0) + below(4),
      ]),
  );
  const demand = new Array<number>(applications).fill(PER_APPLICATION);
  const average = (applications * PER_APPLICATION) / jurors;
  const maxLoad = Array.from({ length: jurors }, () => Math.max(1, Math.round(average * (0.8 + 0.35 * rand()))));
  for (
    let j = 0, capacity = maxLoad.reduce((a, b) => a + b, 0);
    capacity < applications * PER_APPLICATION;
    j = (j + 1) % jurors, capacity += 1
  )
    maxLoad[j] += 1;
  const minLoad = maxLoad.map((max) =>
    rand() < 0.5 ? 0 : Math.min(max, Math.floor(average * (0.75 + 0.15 * rand()))),
  );
  return { applications, jurors, demand, minLoad, maxLoad, candidates };
}

function timed<T>(work: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = work();
  return [result, +(Number(process.hrtime.bigint() - started) / 1e9).toFixed(3)];
}

export function benchAssignment(n?: number): Promise<void> {
  const sizes: [number, number, number][] = n
    ? [[n, Math.max(1, Math.round(n / 20)), 0.1]]
    : [
        [300, 20, 0.1],
        [2000, 100, 1],
        [10000, 500, 15],
      ];
  // The first solve in a process runs mostly before V8 has optimised the loops: timed on its own
  // (a different 300 x 20 instance), so the figures below are those of a running service.
  const [, coldSeconds] = timed(() => assignSparse(generateCompetition(300, 20, 1), 1));
  console.log(JSON.stringify({ warmUp: '300 x 20 x 3, another seed', coldSeconds }));
  for (const [applications, jurors, goal] of sizes) {
    const instance = generateCompetition(applications, jurors, applications * 7919 + jurors);
    const pairs = instance.candidates.reduce((sum, list) => sum + list.length, 0);
    // Small instances: the median of a few solves, as one solve is at the mercy of the scheduler.
    const runs = applications <= 2000 ? 5 : 1;
    const samples = Array.from({ length: runs }, () => timed(() => assignSparse(instance, 1)));
    const sparse = samples[0][0];
    const times = samples.map(([, s]) => s).sort((a, b) => a - b);
    const seconds = times[Math.floor(runs / 2)];
    const row: Record<string, unknown> = {
      instance: `${applications} x ${jurors} x ${PER_APPLICATION}`,
      candidatePairs: pairs,
      seconds,
      ...(runs > 1 ? { runs, maxSeconds: times[runs - 1] } : {}),
      goalSeconds: goal,
      met: seconds < goal,
      sameResultEveryRun: samples.every(([result]) => JSON.stringify(result) === JSON.stringify(sparse)),
      feasible: sparse.feasible,
      objective: sparse.feasible ? sparse.objective : null,
      ...sparse.stats,
    };
    if (applications <= 2000) {
      const [dense, denseSeconds] = timed(() => assign(edgesFromCandidates(instance), 1));
      Object.assign(row, {
        denseObjective: dense.feasible ? dense.objective : null,
        denseSeconds,
        agrees:
          dense.feasible === sparse.feasible &&
          (!dense.feasible || (sparse.feasible && dense.objective === sparse.objective)),
      });
    }
    console.log(JSON.stringify(row));
  }
  return Promise.resolve();
}
