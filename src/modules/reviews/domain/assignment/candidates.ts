import type { AssignmentInstance } from './assignment';

/**
 * The candidate lists of a sparse assignment instance, flattened into typed arrays (one slice per
 * application, compressed-row style) so a round can scan millions of pairs without allocating.
 */
export interface CandidateInstance {
  applications: number;
  jurors: number;
  demand: number[];
  minLoad: number[];
  maxLoad: number[];
  /** Per application: every eligible juror (conflicts already removed) with its integer affinity. */
  candidates: [juror: number, affinity: number][][];
}

export interface CandidateGraph {
  /** Candidates of application i are the indices start[i] .. start[i + 1] - 1. */
  start: Int32Array;
  juror: Int32Array;
  affinity: Float64Array;
  /** Seeded tie-break: among equal affinities the lower value ranks first. */
  tie: Float64Array;
}

/** The candidate lists an explicit edge list describes (the CLI reads edges). */
export function candidatesFromEdges(instance: AssignmentInstance): CandidateInstance {
  const candidates: [number, number][][] = Array.from({ length: instance.applications }, () => []);
  for (const [i, j, affinity] of instance.edges) candidates[i].push([j, affinity]);
  const { applications, jurors, demand, minLoad, maxLoad } = instance;
  return { applications, jurors, demand, minLoad, maxLoad, candidates };
}

/** The explicit edge list of a candidate instance, for the dense solver. */
export function edgesFromCandidates(instance: CandidateInstance): AssignmentInstance {
  const edges: [number, number, number][] = [];
  instance.candidates.forEach((list, i) => list.forEach(([j, affinity]) => edges.push([i, j, affinity])));
  const { applications, jurors, demand, minLoad, maxLoad } = instance;
  return { applications, jurors, demand, minLoad, maxLoad, edges };
}

/** A 32-bit hash of (seed, application, juror): the same seed orders ties the same way. */
export function tieBreak(seed: number, application: number, juror: number): number {
  let h = (seed >>> 0) ^ Math.imul(application + 0x3c6ef372, 0x9e3779b1) ^ Math.imul(juror + 0x1b873593, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function candidateGraph(instance: CandidateInstance, seed: number): CandidateGraph {
  const n = instance.applications;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) start[i + 1] = start[i] + instance.candidates[i].length;
  const total = start[n];
  const juror = new Int32Array(total);
  const affinity = new Float64Array(total);
  const tie = new Float64Array(total);
  // Seeds beyond 32 bits still change the order.
  const mixed = (seed >>> 0) ^ Math.floor(seed / 4294967296);
  for (let i = 0; i < n; i += 1) {
    const list = instance.candidates[i];
    for (let k = 0, at = start[i]; k < list.length; k += 1, at += 1) {
      juror[at] = list[k][0];
      affinity[at] = list[k][1];
      tie[at] = tieBreak(mixed, i, list[k][0]);
    }
  }
  return { start, juror, affinity, tie };
}

/**
 * The best `limit` of a stream of candidates: smaller (primary, secondary, juror) first. Insertion
 * into a short sorted buffer; most offers are rejected by one comparison with the worst kept.
 */
export class Best {
  readonly index: Int32Array;
  private readonly primary: Float64Array;
  private readonly secondary: Float64Array;
  private readonly jurors: Int32Array;
  size = 0;
  private limit = 0;

  constructor(capacity: number) {
    this.index = new Int32Array(capacity);
    this.primary = new Float64Array(capacity);
    this.secondary = new Float64Array(capacity);
    this.jurors = new Int32Array(capacity);
  }

  reset(limit: number): void {
    this.size = 0;
    this.limit = Math.min(limit, this.index.length);
  }

  offer(index: number, primary: number, secondary: number, juror: number): void {
    const { limit } = this;
    if (limit === 0) return;
    let i = this.size;
    if (i === limit) {
      if (!this.before(primary, secondary, juror, i - 1)) return;
      i -= 1;
    } else {
      this.size += 1;
    }
    while (i > 0 && this.before(primary, secondary, juror, i - 1)) {
      this.index[i] = this.index[i - 1];
      this.primary[i] = this.primary[i - 1];
      this.secondary[i] = this.secondary[i - 1];
      this.jurors[i] = this.jurors[i - 1];
      i -= 1;
    }
    this.index[i] = index;
    this.primary[i] = primary;
    this.secondary[i] = secondary;
    this.jurors[i] = juror;
  }

  private before(primary: number, secondary: number, juror: number, at: number): boolean {
    const p = this.primary[at];
    if (primary !== p) return primary < p;
    const s = this.secondary[at];
    if (secondary !== s) return secondary < s;
    return juror < this.jurors[at];
  }
}

/** Per application, its best eligible jurors not assigned to it: affinity descending, seeded ties. */
export function alternatesOf(
  graph: CandidateGraph,
  n: number,
  assignment: [number, number][],
  count: number,
): number[][] {
  const { start, juror, affinity, tie } = graph;
  const assigned: number[][] = Array.from({ length: n }, () => []);
  for (const [i, j] of assignment) assigned[i].push(j);
  const best = new Best(count + assigned.reduce((most, mine) => Math.max(most, mine.length), 0));
  return assigned.map((mine, i) => {
    best.reset(count + mine.length);
    for (let k = start[i]; k < start[i + 1]; k += 1) best.offer(k, -affinity[k], tie[k], juror[k]);
    const out: number[] = [];
    for (let r = 0; r < best.size && out.length < count; r += 1) {
      const j = juror[best.index[r]];
      if (!mine.includes(j)) out.push(j);
    }
    return out;
  });
}
