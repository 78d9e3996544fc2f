import { MinHeap } from './min-heap';

/**
 * Minimum-cost flow by successive shortest paths with Johnson potentials (Dijkstra on reduced
 * costs) and a blocking flow over every shortest path at once. Costs must be non-negative when the
 * solver starts; integer capacities and costs. Storage is in typed arrays because the sparse
 * assignment solves graphs of a few hundred thousand edges several times.
 * Pure: no Nest, no database, so the CLI and the worker share it.
 */
export class MinCostFlow {
  private to: Int32Array;
  private next: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private edges = 0;
  /** Edges up to here are part of the optimum of the last `run` or `reoptimize`. */
  private settled = 0;
  private readonly head: Int32Array;
  /** Dual prices: after `run`, every residual edge has `cost + potential[u] - potential[v] >= 0`. */
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly heap: MinHeap;
  private readonly level: Int32Array;
  private readonly iter: Int32Array;
  private readonly queue: Int32Array;
  private readonly path: Int32Array;

  /** `nodes` for the caller; two more, after them, are the source and sink of `reoptimize`. */
  constructor(
    readonly nodes: number,
    expectedEdges = 16,
  ) {
    const all = nodes + 2;
    this.head = new Int32Array(all).fill(-1);
    this.potential = new Float64Array(all);
    this.dist = new Float64Array(all);
    this.heap = new MinHeap(all);
    this.level = new Int32Array(all);
    this.iter = new Int32Array(all);
    this.queue = new Int32Array(all);
    this.path = new Int32Array(all);
    const slots = Math.max(2, 2 * expectedEdges);
    this.to = new Int32Array(slots);
    this.next = new Int32Array(slots);
    this.cap = new Float64Array(slots);
    this.cost = new Float64Array(slots);
  }

  /** Adds u -> v and its residual twin; returns the edge id (its flow is `flowOf(id)`). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (this.edges + 2 > this.to.length) this.grow();
    const id = this.edges;
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    return id;
  }

  flowOf(edge: number): number {
    return this.cap[edge ^ 1];
  }

  /** The dual price of a node (see `potential`). */
  potentialOf(node: number): number {
    return this.potential[node];
  }

  private push(u: number, v: number, capacity: number, cost: number): void {
    const e = this.edges;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[u];
    this.head[u] = e;
    this.edges = e + 1;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const widen = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const copy = make(size);
      copy.set(old);
      return copy;
    };
    this.to = widen(this.to, (n) => new Int32Array(n));
    this.next = widen(this.next, (n) => new Int32Array(n));
    this.cap = widen(this.cap, (n) => new Float64Array(n));
    this.cost = widen(this.cost, (n) => new Float64Array(n));
  }

  /**
   * Dijkstra on reduced costs from `s`. Stops once `t` is settled when `t >= 0`: every node not yet
   * settled then lies at least as far as `t`, which is all the potential update needs. Leaves
   * reduced distances in `dist` (Infinity where not reached) and returns the number settled.
   */
  private shortestPaths(s: number, t: number): void {
    const { head, next, to, cap, cost, potential, dist, heap } = this;
    dist.fill(Infinity);
    dist[s] = 0;
    heap.clear();
    heap.push(0, s);
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (d > dist[u]) continue;
      if (u === t) return;
      const pu = potential[u];
      for (let e = head[u]; e !== -1; e = next[e]) {
        if (cap[e] <= 0) continue;
        const v = to[e];
        const nd = d + cost[e] + pu - potential[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
  }

  /**
   * Dinic-style blocking flow restricted to edges whose reduced cost is zero. Nodes as deep as the
   * sink (the sink aside) lead nowhere in the level graph: they are neither expanded nor entered.
   */
  private blockingFlow(s: number, t: number, limit: number): { flow: number; cost: number } {
    const { head, next, to, cap, cost, potential, level, iter, queue, path } = this;
    let flow = 0;
    let total = 0;
    while (flow < limit) {
      level.fill(-1);
      level[s] = 0;
      queue[0] = s;
      let tail = 1;
      for (let qi = 0; qi < tail; qi += 1) {
        const u = queue[qi];
        if (level[t] >= 0 && level[u] >= level[t]) break;
        const pu = potential[u];
        for (let e = head[u]; e !== -1; e = next[e]) {
          const v = to[e];
          if (level[v] < 0 && cap[e] > 0 && cost[e] + pu - potential[v] === 0) {
            level[v] = level[u] + 1;
            queue[tail++] = v;
          }
        }
      }
      const sinkLevel = level[t];
      if (sinkLevel < 0) break;
      iter.set(head);
      // Iterative DFS with current-arc pointers; each found path carries its bottleneck.
      for (;;) {
        let depth = 0;
        let u = s;
        while (u !== t) {
          let e = iter[u];
          const pu = potential[u];
          while (e !== -1) {
            const v = to[e];
            if (
              cap[e] > 0 &&
              level[v] === level[u] + 1 &&
              (v === t || level[v] < sinkLevel) &&
              cost[e] + pu - potential[v] === 0
            )
              break;
            e = next[e];
          }
          iter[u] = e;
          if (e === -1) {
            if (u === s) break;
            level[u] = -1; // dead end: never enter it again in this phase
            depth -= 1;
            u = to[path[depth] ^ 1];
            iter[u] = next[iter[u]];
            continue;
          }
          path[depth++] = e;
          u = to[e];
        }
        if (u !== t) break;
        let push = limit - flow;
        for (let k = 0; k < depth; k += 1) push = Math.min(push, cap[path[k]]);
        for (let k = 0; k < depth; k += 1) {
          const e = path[k];
          cap[e] -= push;
          cap[e ^ 1] += push;
          total += push * cost[e];
        }
        flow += push;
        if (flow >= limit) break;
      }
    }
    return { flow, cost: total };
  }

  /** Sends up to `limit` units from s to t at least cost; returns the flow and its cost. */
  run(s: number, t: number, limit = Number.MAX_SAFE_INTEGER): { flow: number; cost: number } {
    this.potential.fill(0);
    const result = this.augment(s, t, limit);
    this.settled = this.edges;
    return result;
  }

  /**
   * After `run`, takes in the edges added since and restores a minimum-cost flow of the same value
   * without starting over: an edge with negative reduced cost is saturated, which leaves a surplus
   * at its head and a shortfall at its tail, and the surpluses are then routed to the shortfalls at
   * least cost (through the two spare nodes). Returns the change in cost.
   */
  reoptimize(): number {
    const { to, cap, cost, potential } = this;
    const source = this.nodes;
    const sink = this.nodes + 1;
    const balance = new Map<number, number>();
    let change = 0;
    for (let e = this.settled; e < this.edges; e += 2) {
      const u = to[e ^ 1];
      const v = to[e];
      if (cap[e] <= 0 || cost[e] + potential[u] - potential[v] >= 0) continue;
      const amount = cap[e];
      cap[e] = 0;
      cap[e ^ 1] += amount;
      change += amount * cost[e];
      balance.set(v, (balance.get(v) ?? 0) + amount);
      balance.set(u, (balance.get(u) ?? 0) - amount);
    }
    const spare: number[] = [];
    let units = 0;
    let highest = -Infinity;
    let lowest = Infinity;
    for (const [node, amount] of [...balance].sort((a, b) => a[0] - b[0])) {
      if (amount > 0) {
        spare.push(this.addEdge(source, node, amount, 0));
        units += amount;
        highest = Math.max(highest, potential[node]);
      } else if (amount < 0) {
        spare.push(this.addEdge(node, sink, -amount, 0));
        lowest = Math.min(lowest, potential[node]);
      }
    }
    // The spare nodes have no other live edge: prices that keep their new edges' reduced costs >= 0.
    potential[source] = highest;
    potential[sink] = lowest;
    if (units > 0) change += this.augment(source, sink, units).cost;
    // The surpluses are routed for good: the spare edges were bookkeeping and are retired.
    for (const e of spare) {
      this.cap[e] = 0;
      this.cap[e ^ 1] = 0;
    }
    this.settled = this.edges;
    return change;
  }

  /** The successive-shortest-path loop from the current flow and prices. */
  private augment(s: number, t: number, limit: number): { flow: number; cost: number } {
    const { potential, dist } = this;
    const n = potential.length;
    let flow = 0;
    let total = 0;
    while (flow < limit) {
      this.shortestPaths(s, t);
      const reach = dist[t];
      if (reach === Infinity) break;
      // Capping at dist[t] keeps every reduced cost non-negative, unreached nodes included.
      for (let v = 0; v < n; v += 1) potential[v] += dist[v] < reach ? dist[v] : reach;
      // Primal-dual step: push a blocking flow along every shortest path at once (edges with zero
      // reduced cost), so one Dijkstra serves many augmentations.
      const pushed = this.blockingFlow(s, t, limit - flow);
      flow += pushed.flow;
      total += pushed.cost;
      if (pushed.flow === 0) break;
    }
    return { flow, cost: total };
  }

  /**
   * Shortest distances (true costs) from `root` over the residual graph after `run`, Infinity where
   * unreachable. Being shortest distances, they are themselves valid dual prices on every residual
   * edge between reached nodes; the sparse assignment uses them as its optimality certificate.
   */
  residualDistances(root: number): Float64Array {
    this.shortestPaths(root, -1);
    const out = new Float64Array(this.nodes);
    const base = this.potential[root];
    for (let v = 0; v < this.nodes; v += 1)
      out[v] = this.dist[v] === Infinity ? Infinity : this.dist[v] + this.potential[v] - base;
    return out;
  }
}
