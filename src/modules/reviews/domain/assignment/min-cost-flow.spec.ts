import fc from 'fast-check';
import { MinCostFlow } from './min-cost-flow';

type Edge = [from: number, to: number, capacity: number, cost: number];

const network = fc.integer({ min: 2, max: 7 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    first: fc.array(
      fc.tuple(fc.nat(nodes - 1), fc.nat(nodes - 1), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 })),
      { maxLength: 14 },
    ),
    later: fc.array(
      fc.tuple(fc.nat(nodes - 1), fc.nat(nodes - 1), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 })),
      { maxLength: 8 },
    ),
  }),
);

function build(nodes: number, edges: Edge[]): { flow: MinCostFlow; ids: number[] } {
  const flow = new MinCostFlow(nodes, 2);
  return { flow, ids: edges.map(([u, v, capacity, cost]) => flow.addEdge(u, v, capacity, cost)) };
}

describe('MinCostFlow', () => {
  it('re-optimises after edges are added: same cost as solving again at that flow value', () => {
    fc.assert(
      fc.property(network, ({ nodes, first, later }) => {
        const s = 0;
        const t = nodes - 1;
        const warm = build(nodes, first);
        const before = warm.flow.run(s, t);
        for (const [u, v, capacity, cost] of later) warm.flow.addEdge(u, v, capacity, cost);
        const change = warm.flow.reoptimize();
        const cold = build(nodes, [...first, ...later]).flow.run(s, t, before.flow);
        expect(cold.flow).toBe(before.flow);
        expect(before.cost + change).toBe(cold.cost);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives residual distances that price every residual edge at a non-negative reduced cost', () => {
    fc.assert(
      fc.property(network, ({ nodes, first }) => {
        const { flow, ids } = build(nodes, first);
        flow.run(0, nodes - 1);
        const price = flow.residualDistances(nodes - 1);
        expect(price[nodes - 1]).toBe(0);
        first.forEach(([u, v, capacity, cost], k) => {
          const used = flow.flowOf(ids[k]);
          // Forward residual u -> v, backward residual v -> u: neither may have a negative reduced cost.
          if (used < capacity && price[u] !== Infinity) expect(cost + price[u] - price[v]).toBeGreaterThanOrEqual(0);
          if (used > 0 && price[v] !== Infinity) expect(-cost + price[v] - price[u]).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 1500 },
    );
  });
});
