import { assign, conflict, obviousShortfalls, Shortfall } from './assignment';
import {
  alternatesOf,
  Best,
  CandidateGraph,
  candidateGraph,
  CandidateInstance,
  edgesFromCandidates,
} from './candidates';
import { MinCostFlow } from './min-cost-flow';

export type { CandidateInstance } from './candidates';

/**
 * Juror assignment over the best few candidates of each application, widened until a dual
 * certificate proves that no excluded pair could improve the result: the optimum returned is the
 * exact optimum of the full candidate graph, found on a graph a fraction of its size.
 *
 * The network: source -> application (its demand), application -> juror (capacity 1, cost
 * top - affinity), juror -> sink twice (up to its minimum load at cost 0, the rest up to its
 * maximum at cost B), and application -> sink at cost M as an artificial way out, so every sparse
 * graph carries all the demand. With B and M larger than any simple cycle of pair costs, a
 * minimum-cost flow first avoids artificial units, then fills minimum loads, then maximises
 * affinity: it is feasible exactly when the assignment problem is.
 *
 * The certificate: after a solve, shortest distances p from the sink over the residual graph are
 * dual prices (every residual edge has cost + p(u) - p(v) >= 0). If every excluded pair also has a
 * non-negative reduced cost, the full residual graph has no negative cycle, so the flow is optimal
 * for the full graph too. Otherwise the excluded pairs with negative reduced cost are exactly the
 * ones that might help; the most negative of them join the graph and the round repeats.
 */
export interface SparseStats {
  /** Solves: the first from scratch, each later one re-optimised after widening. */
  rounds: number;
  /** Application-juror pairs in the last graph solved. */
  edges: number;
  /**
   * True when the dual certificate proved the optimum for the full candidate graph; false when the
   * full graph was solved instead (still exact) or the instance is infeasible.
   */
  provedOptimal: boolean;
}

export type SparseResult =
  | { feasible: true; objective: number; assignment: [number, number][]; alternates: number[][]; stats: SparseStats }
  | { feasible: false; explanation: Shortfall[]; stats: SparseStats };

export interface SparseOptions {
  /** Runners-up listed per application (best eligible jurors not assigned to it); default 3. */
  alternates?: number;
  /** Candidates per application in the first round; default 2 * demand + 2. Any width gives the same optimum. */
  initialCandidates?: number;
}

/**
 * Internal tuning. The first graph also holds each juror's best `jurorWidth * maxLoad` applications:
 * when every application ranks the same jurors first, the other jurors' capacity would otherwise be
 * invisible and the first prices meaningless. Widening stops and every pair is taken in after
 * `rounds` rounds, or once the graph holds more than `share` of all pairs (on graphs of more than
 * `minPairs` pairs: below that a round costs next to nothing). An infeasible instance of up to
 * `denseExplanationPairs` pairs is explained by the dense solver, word for word as `assign` does;
 * beyond that the dense solve takes a minute, and the sparse optimum names who is short instead.
 */
export interface SparseTuning {
  jurorWidth: number;
  rounds: number;
  share: number;
  minPairs: number;
  denseExplanationPairs: number;
}

const TUNING: SparseTuning = {
  jurorWidth: 2,
  rounds: 12,
  share: 0.5,
  minPairs: 20_000,
  denseExplanationPairs: 200_000,
};

export function assignSparse(instance: CandidateInstance, seed: number, options: SparseOptions = {}): SparseResult {
  return solveSparse(instance, seed, options, TUNING);
}

/** `assignSparse` with its tuning spelled out (tests start narrow and force the fallback with it). */
export function solveSparse(
  instance: CandidateInstance,
  seed: number,
  options: SparseOptions,
  tuning: SparseTuning,
): SparseResult {
  const { applications: n, jurors: m, demand, minLoad, maxLoad } = instance;
  const stats: SparseStats = { rounds: 0, edges: 0, provedOptimal: false };
  const obvious = obviousShortfalls(
    instance,
    instance.candidates.map((list) => list.length),
  );
  if (obvious.length > 0) return { feasible: false, explanation: obvious, stats };

  const graph = candidateGraph(instance, seed);
  const { start, juror, affinity, tie } = graph;
  const total = start[n];
  let top = 0;
  let bottom = 0;
  for (let k = 0; k < total; k += 1) {
    top = Math.max(top, affinity[k]);
    bottom = Math.min(bottom, affinity[k]);
  }
  // Penalties above the cost of any simple cycle of pairs (see the header).
  const cycle = (n + m + 2) * (top - bottom);
  const B = cycle + 1;
  const M = B + cycle + 1;
  const required = demand.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger((M + top - bottom) * (required + 1) * 2))
    return denseFallback(instance, seed, graph, options, stats);

  // Applications that need nobody and jurors who may take nobody never carry flow: they sit out.
  const active = (i: number) => demand[i] > 0;
  const usable = Uint8Array.from(maxLoad, (max) => (max > 0 ? 1 : 0));
  const inGraph = new Uint8Array(total);
  let widest = 0;
  for (let i = 0; i < n; i += 1) widest = Math.max(widest, start[i + 1] - start[i]);
  const best = new Best(widest);
  for (let i = 0; i < n; i += 1) {
    if (!active(i)) continue;
    best.reset(Math.max(0, options.initialCandidates ?? 2 * demand[i] + 2));
    for (let k = start[i]; k < start[i + 1]; k += 1)
      if (usable[juror[k]]) best.offer(k, -affinity[k], tie[k], juror[k]);
    for (let r = 0; r < best.size; r += 1) inGraph[best.index[r]] = 1;
  }
  if (tuning.jurorWidth > 0) {
    const byJuror = maxLoad.map((max) => new Best(Math.ceil(tuning.jurorWidth * max)));
    byJuror.forEach((b) => b.reset(Infinity));
    for (let i = 0; i < n; i += 1)
      if (active(i))
        for (let k = start[i]; k < start[i + 1]; k += 1) byJuror[juror[k]].offer(k, -affinity[k], tie[k], i);
    for (const b of byJuror) for (let r = 0; r < b.size; r += 1) inGraph[b.index[r]] = 1;
  }

  const S = 0;
  const T = 1;
  const appNode = 2;
  const jurorNode = 2 + n;
  const flow = new MinCostFlow(2 + n + m, countOf(inGraph) + 2 * n + 2 * m);
  const artificial = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) {
    if (!active(i)) continue;
    flow.addEdge(S, appNode + i, demand[i], 0);
    artificial[i] = flow.addEdge(appNode + i, T, demand[i], M);
  }
  for (let j = 0; j < m; j += 1) {
    if (minLoad[j] > 0) flow.addEdge(jurorNode + j, T, minLoad[j], 0);
    if (maxLoad[j] > minLoad[j]) flow.addEdge(jurorNode + j, T, maxLoad[j] - minLoad[j], B);
  }
  const pairEdge = new Int32Array(total).fill(-1);
  const addSelected = () => {
    for (let i = 0; i < n; i += 1) {
      for (let k = start[i]; k < start[i + 1]; k += 1) {
        if (inGraph[k] && pairEdge[k] < 0)
          pairEdge[k] = flow.addEdge(appNode + i, jurorNode + juror[k], 1, top - affinity[k]);
      }
    }
    stats.edges = countOf(inGraph);
  };
  addSelected();
  flow.run(S, T, required);
  stats.rounds = 1;
  let full = false;
  while (!full) {
    // Dual prices: distances from the sink. A juror the sink cannot reach has no flow, so only its
    // own edges to the sink bind it: the lowest price they allow is 0 below a minimum load, else -B.
    const price = flow.residualDistances(T);
    for (let j = 0; j < m; j += 1)
      if (price[jurorNode + j] === Infinity) price[jurorNode + j] = minLoad[j] > 0 ? 0 : -B;

    // Every unit leaves its application through a juror or the artificial edge, so the sink reaches
    // every active application; if not, no certificate can be read and the full graph decides.
    let violated = false;
    let unreadable = false;
    for (let i = 0; i < n; i += 1) {
      if (!active(i)) continue;
      if (price[appNode + i] === Infinity) unreadable = true;
      const base = top + price[appNode + i];
      let inside = 0;
      for (let k = start[i]; k < start[i + 1]; k += 1) inside += inGraph[k];
      // Widen by the most negative pairs, as many as the application already has (at most doubling).
      best.reset(Math.max(inside, demand[i] + 1));
      for (let k = start[i]; k < start[i + 1]; k += 1) {
        if (inGraph[k] || !usable[juror[k]]) continue;
        const reduced = base - affinity[k] - price[jurorNode + juror[k]];
        if (reduced < 0) best.offer(k, reduced, tie[k], juror[k]);
      }
      for (let r = 0; r < best.size; r += 1) inGraph[best.index[r]] = 1;
      if (best.size > 0) violated = true;
    }
    if (!violated && !unreadable) break;
    full =
      unreadable ||
      stats.rounds >= tuning.rounds ||
      (total > tuning.minPairs && countOf(inGraph) > tuning.share * total);
    if (full)
      for (let i = 0; i < n; i += 1)
        if (active(i)) for (let k = start[i]; k < start[i + 1]; k += 1) if (usable[juror[k]]) inGraph[k] = 1;
    addSelected();
    flow.reoptimize();
    stats.rounds += 1;
  }

  const load = new Float64Array(m);
  const assignment: [number, number][] = [];
  let objective = 0;
  const shortApplications: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (artificial[i] >= 0 && flow.flowOf(artificial[i]) > 0) shortApplications.push(i);
    for (let k = start[i]; k < start[i + 1]; k += 1) {
      if (pairEdge[k] < 0 || flow.flowOf(pairEdge[k]) === 0) continue;
      assignment.push([i, juror[k]]);
      objective += affinity[k];
      load[juror[k]] += 1;
    }
  }
  const shortJurors: number[] = [];
  for (let j = 0; j < m; j += 1) if (load[j] < minLoad[j]) shortJurors.push(j);
  // The optimum of the full graph still needs an artificial unit or misses a minimum load: the
  // instance is infeasible.
  if (shortApplications.length > 0 || shortJurors.length > 0) {
    if (total <= tuning.denseExplanationPairs) return denseFallback(instance, seed, graph, options, stats);
    return { feasible: false, explanation: [conflict(shortApplications, shortJurors)], stats };
  }
  stats.provedOptimal = !full;
  assignment.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    feasible: true,
    objective,
    assignment,
    alternates: alternatesOf(graph, n, assignment, options.alternates ?? 3),
    stats,
  };
}

function countOf(flags: Uint8Array): number {
  let count = 0;
  for (let k = 0; k < flags.length; k += 1) count += flags[k];
  return count;
}

/** The dense solver on every pair: explains infeasible input, and covers costs too large to price. */
function denseFallback(
  instance: CandidateInstance,
  seed: number,
  graph: CandidateGraph,
  options: SparseOptions,
  stats: SparseStats,
): SparseResult {
  const result = assign(edgesFromCandidates(instance), seed);
  const done = { ...stats, edges: graph.start[instance.applications], provedOptimal: false };
  if (!result.feasible) return { feasible: false, explanation: result.explanation, stats: done };
  return {
    ...result,
    alternates: alternatesOf(graph, instance.applications, result.assignment, options.alternates ?? 3),
    stats: done,
  };
}
