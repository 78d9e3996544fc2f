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

  /** Sends up to `limit` units from s to t at least cost; returns the flow and its cost. */
  run(s: number, t: number, limit = Number.MAX_SAFE_INTEGER): { flow: number; cost: number } {
    const n = this.nodes;
    const potential = new Array<number>(n).fill(0);
    const dist = new Array<number>(n);
    const prevEdge = new Array<number>(n);
    let flow = 0;
    let total = 0;
    while (flow < limit) {
      dist.fill(Infinity);
      prevEdge.fill(-1);
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
            prevEdge[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (dist[t] === Infinity) break;
      // Capping at dist[t] keeps every reduced cost non-negative, unreachable nodes included.
      for (let v = 0; v < n; v += 1) potential[v] += Math.min(dist[v], dist[t]);
      let push = limit - flow;
      for (let v = t; v !== s; v = this.to[prevEdge[v] ^ 1]) push = Math.min(push, this.cap[prevEdge[v]]);
      for (let v = t; v !== s; v = this.to[prevEdge[v] ^ 1]) {
        this.cap[prevEdge[v]] -= push;
        this.cap[prevEdge[v] ^ 1] += push;
        total += push * this.cost[prevEdge[v]];
      }
      flow += push;
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
