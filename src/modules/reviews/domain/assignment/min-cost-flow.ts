/**
 * Minimum-cost flow by successive shortest paths with Johnson potentials (Dijkstra on reduced
 * costs). Costs must be non-negative when the solver starts; integer capacities and costs.
 * Pure: no Nest, no database, so the CLI and the worker share it.
 */
export class MinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly head: number[];
  private readonly next: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds u -> v and its residual twin; returns the edge id (its flow is `flowOf(id)`). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    return id;
  }

  flowOf(edge: number): number {
    return this.cap[edge ^ 1];
  }

  private push(u: number, v: number, capacity: number, cost: number): void {
    this.to.push(v);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[u]);
    this.head[u] = this.to.length - 1;
  }

  /** Dinic-style blocking flow restricted to edges whose reduced cost is zero. */
  private blockingFlow(s: number, t: number, potential: number[], limit: number): { flow: number; cost: number } {
    const n = this.nodes;
    const admissible = (e: number, u: number) => this.cap[e] > 0 && this.cost[e] + potential[u] - potential[this.to[e]] === 0;
    let flow = 0;
    let cost = 0;
    const level = new Array<number>(n);
    const iter = new Array<number>(n);
    while (flow < limit) {
      level.fill(-1);
      level[s] = 0;
      const queue = [s];
      for (let qi = 0; qi < queue.length; qi += 1) {
        const u = queue[qi];
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          const v = this.to[e];
          if (level[v] < 0 && admissible(e, u)) {
            level[v] = level[u] + 1;
            queue.push(v);
          }
        }
      }
      if (level[t] < 0) break;
      for (let v = 0; v < n; v += 1) iter[v] = this.head[v];
      // Iterative DFS with current-arc pointers; each found path carries its bottleneck.
      for (;;) {
        const path: number[] = [];
        let u = s;
        while (u !== t) {
          let e = iter[u];
          while (e !== -1 && !(admissible(e, u) && level[this.to[e]] === level[u] + 1)) e = this.next[e];
          iter[u] = e;
          if (e === -1) {
            if (u === s) break;
            level[u] = -1; // dead end: never enter it again in this phase
            const back = path.pop()!;
            u = this.to[back ^ 1];
            iter[u] = this.next[iter[u]];
            continue;
          }
          path.push(e);
          u = this.to[e];
        }
        if (u !== t) break;
        let push = limit - flow;
        for (const e of path) push = Math.min(push, this.cap[e]);
        for (const e of path) {
          this.cap[e] -= push;
          this.cap[e ^ 1] += push;
          cost += push * this.cost[e];
        }
        flow += push;
        if (flow >= limit) break;
      }
    }
    return { flow, cost };
  }

  /** Sends up to `limit` units from s to t at least cost; returns the flow and its cost. */
  run(s: number, t: number, limit = Number.MAX_SAFE_INTEGER): { flow: number; cost: number } {
    const n = this.nodes;
    const potential = new Array<number>(n).fill(0);
    const dist = new Array<number>(n);
    let flow = 0;
    let total = 0;
    while (flow < limit) {
      dist.fill(Infinity);
      dist[s] = 0;
      const heap = new MinHeap();
      heap.push(0, s);
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (d > dist[u]) continue;
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] <= 0) continue;
          const v = this.to[e];
          const nd = d + this.cost[e] + potential[u] - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      if (dist[t] === Infinity) break;
      // Capping at dist[t] keeps every reduced cost non-negative, unreachable nodes included.
      for (let v = 0; v < n; v += 1) potential[v] += Math.min(dist[v], dist[t]);
      // Primal-dual step: push a blocking flow along every shortest path at once (edges with zero
      // reduced cost), so one Dijkstra serves many augmentations.
      const pushed = this.blockingFlow(s, t, potential, limit - flow);
      flow += pushed.flow;
      total += pushed.cost;
      if (pushed.flow === 0) break;
    }
    return { flow, cost: total };
  }
}

/** A binary heap of [priority, node], ties broken by node index so runs are deterministic. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0], this.values[0]];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.values[a] < this.values[b]);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.values[a], this.values[b]] = [this.values[b], this.values[a]];
  }
}
