import { MinCostFlow } from './min-cost-flow';

/**
 * Juror assignment (DESIGN.md section 6) as a transportation problem: every application gets
 * exactly `demand[i]` jurors, every juror's load stays within [minLoad, maxLoad], only the listed
 * pairs are allowed (conflicts are simply absent), and total affinity is maximised. Solved exactly
 * as a min-cost flow with lower bounds; infeasible input is explained.
 */
export interface AssignmentInstance {
  applications: number;
  jurors: number;
  demand: number[];
  minLoad: number[];
  maxLoad: number[];
  /** [application, juror, affinity]; integers; each pair at most once. */
  edges: [number, number, number][];
}

export interface Shortfall {
  reason: 'too_few_eligible_jurors' | 'loads_too_small' | 'minimum_loads_too_large' | 'constraints_conflict';
  message: string;
  applications: number[];
  jurors: number[];
}

export type AssignmentResult =
  { feasible: true; objective: number; assignment: [number, number][] } | { feasible: false; explanation: Shortfall[] };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Every problem with the instance's shape, so a bad file is explained rather than mis-solved. */
export function instanceProblems(value: unknown): string[] {
  const x = value as Partial<AssignmentInstance> | null;
  if (!x || typeof x !== 'object') return ['the instance must be a JSON object'];
  const problems: string[] = [];
  if (!isInt(x.applications) || x.applications < 0) problems.push('applications must be a non-negative integer');
  if (!isInt(x.jurors) || x.jurors < 0) problems.push('jurors must be a non-negative integer');
  const list = (name: 'demand' | 'minLoad' | 'maxLoad', length: unknown) => {
    const v = x[name];
    if (!Array.isArray(v) || v.length !== length || !v.every((n) => isInt(n) && n >= 0))
      problems.push(`${name} must list ${String(length)} non-negative integers`);
  };
  list('demand', x.applications);
  list('minLoad', x.jurors);
  list('maxLoad', x.jurors);
  if (problems.length === 0)
    x.minLoad!.forEach((min, j) => min > x.maxLoad![j] && problems.push(`juror ${j}: minLoad is above maxLoad`));
  if (!Array.isArray(x.edges)) return [...problems, 'edges must be a list of [application, juror, affinity]'];
  const seen = new Set<string>();
  x.edges.forEach((edge, k) => {
    if (!Array.isArray(edge) || edge.length !== 3 || !edge.every(isInt))
      return problems.push(`edges[${k}] must be three integers`);
    const [i, j] = edge;
    if (i < 0 || i >= (x.applications ?? 0) || j < 0 || j >= (x.jurors ?? 0))
      problems.push(`edges[${k}] names an unknown application or juror`);
    if (seen.has(`${i}:${j}`)) problems.push(`edges[${k}] repeats the pair ${i},${j}`);
    seen.add(`${i}:${j}`);
    return undefined;
  });
  return problems;
}

/** A small seeded generator (mulberry32): the same seed gives the same tie-breaking. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function assign(instance: AssignmentInstance, seed = 0): AssignmentResult {
  const { applications: n, jurors: m, demand, minLoad, maxLoad } = instance;
  const eligible = new Array<number>(n).fill(0);
  for (const [i] of instance.edges) eligible[i] += 1;
  const shortfalls = obviousShortfalls(instance, eligible);
  if (shortfalls.length > 0) return { feasible: false, explanation: shortfalls };

  const rand = seededRandom(seed);
  const edges = instance.edges.map((e) => [...e] as [number, number, number]);
  for (let k = edges.length - 1; k > 0; k -= 1) {
    const r = Math.floor(rand() * (k + 1));
    [edges[k], edges[r]] = [edges[r], edges[k]];
  }
  const top = edges.reduce((max, [, , a]) => Math.max(max, a), 0);

  // Nodes: s, t, super source, super sink, applications, jurors.
  const [s, t, superSource, superSink] = [0, 1, 2, 3];
  const app = (i: number) => 4 + i;
  const juror = (j: number) => 4 + n + j;
  const graph = new MinCostFlow(4 + n + m);
  const excess = new Array<number>(4 + n + m).fill(0);

  // s -> application with lower bound = upper bound = demand: only its excess remains.
  demand.forEach((d, i) => {
    excess[app(i)] += d;
    excess[s] -= d;
  });
  // Each allowed pair at most once; cost (top - affinity) >= 0: the total flow through pairs is fixed, so this maximises affinity.
  const pairEdges = edges.map(([i, j, affinity]) => ({
    i,
    j,
    affinity,
    id: graph.addEdge(app(i), juror(j), 1, top - affinity),
  }));
  minLoad.forEach((min, j) => {
    graph.addEdge(juror(j), t, maxLoad[j] - min, 0);
    excess[t] += min;
    excess[juror(j)] -= min;
  });
  graph.addEdge(t, s, Number.MAX_SAFE_INTEGER, 0);

  const supply: { node: number; id: number; amount: number }[] = [];
  const need: { node: number; id: number; amount: number }[] = [];
  excess.forEach((e, node) => {
    if (e > 0) supply.push({ node, id: graph.addEdge(superSource, node, e, 0), amount: e });
    if (e < 0) need.push({ node, id: graph.addEdge(node, superSink, -e, 0), amount: -e });
  });
  const required = supply.reduce((sum, x) => sum + x.amount, 0);
  const { flow } = graph.run(superSource, superSink, required);

  if (flow < required) {
    const applications = supply
      .filter((x) => x.node >= 4 && x.node < 4 + n && graph.flowOf(x.id) < x.amount)
      .map((x) => x.node - 4);
    const jurors = need.filter((x) => x.node >= 4 + n && graph.flowOf(x.id) < x.amount).map((x) => x.node - 4 - n);
    return { feasible: false, explanation: [conflict(applications, jurors)] };
  }
  const used = pairEdges.filter((e) => graph.flowOf(e.id) > 0);
  return {
    feasible: true,
    objective: used.reduce((sum, e) => sum + e.affinity, 0),
    assignment: used.map((e) => [e.i, e.j] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  };
}

/** Demands and loads that cannot all hold: the applications left short and jurors left below minimum. */
export function conflict(applications: number[], jurors: number[]): Shortfall {
  return {
    reason: 'constraints_conflict',
    message:
      'No assignment meets every demand and load together; these applications stay short of jurors and these jurors below their minimum load',
    applications,
    jurors,
  };
}

/**
 * Shortfalls visible without solving, given how many eligible jurors each application has: named
 * so a manager knows what to change.
 */
export function obviousShortfalls(
  { demand, minLoad, maxLoad }: Pick<AssignmentInstance, 'demand' | 'minLoad' | 'maxLoad'>,
  eligible: number[],
): Shortfall[] {
  const out: Shortfall[] = [];
  const short = demand.map((d, i) => (eligible[i] < d ? i : -1)).filter((i) => i >= 0);
  if (short.length) {
    out.push({
      reason: 'too_few_eligible_jurors',
      message: 'These applications have fewer eligible jurors (after conflicts) than they need',
      applications: short,
      jurors: [],
    });
  }
  const need = demand.reduce((a, b) => a + b, 0);
  const capacity = maxLoad.reduce((a, b) => a + b, 0);
  const floor = minLoad.reduce((a, b) => a + b, 0);
  if (need > capacity) {
    out.push({
      reason: 'loads_too_small',
      message: `The applications need ${need} reviews but the jurors' maximum loads add up to ${capacity}`,
      applications: [],
      jurors: [],
    });
  }
  if (need < floor) {
    out.push({
      reason: 'minimum_loads_too_large',
      message: `The jurors' minimum loads add up to ${floor} but the applications need only ${need} reviews`,
      applications: [],
      jurors: [],
    });
  }
  return out;
}
