import fc from 'fast-check';
import { allocate as scriptAllocate } from '../scripts/recompute/allocation';
import { allocate } from '../src/modules/awards/domain/allocation';

/** The script is written apart from the service: on random input, its allocation rules give what the service's do. */
describe("the script's allocation rules", () => {
  it('agree with the service on budgets, envelopes, floors, partial funding, held amounts and lost ties', () => {
    const villages = ['v1', 'v2', 'v3', 'v4'];
    const districtOf = (v: string) => (v === 'v1' || v === 'v2' ? 'd1' : 'd2');
    // Amounts in tens, so that sums often land exactly on a cap: the edges are where rules differ.
    const tens = (min: number, max: number) => fc.integer({ min, max }).map((n) => BigInt(n) * 10n);
    const input = fc.record({
      candidates: fc.array(
        fc.record({
          requested: tens(1, 20),
          villageId: fc.constantFrom(...villages),
          gatesPassed: fc.constantFrom(true, true, false),
          awarded: fc.option(tens(1, 12), { nil: undefined }),
          tieLostByLot: fc.boolean(),
        }),
        { maxLength: 12 },
      ),
      held: fc.array(fc.record({ villageId: fc.constantFrom(...villages), amount: tens(1, 8) }), {
        maxLength: 3,
      }),
      budget: tens(0, 100),
      maxAward: tens(1, 16),
      districtEnvelope: fc.option(tens(0, 60), { nil: undefined }),
      villageEnvelope: fc.option(tens(0, 30), { nil: undefined }),
      floor: fc.integer({ min: 0, max: 2 }),
      partialMinShareBp: fc.option(fc.constantFrom(0, 2500, 5000, 7500, 10000), { nil: null }),
    });
    fc.assert(
      fc.property(input, (x) => {
        const candidates = x.candidates.map((c, i) => ({
          applicationId: `a${i}`,
          rank: i + 1,
          requested: c.requested,
          districtId: districtOf(c.villageId),
          villageId: c.villageId,
          gatesPassed: c.gatesPassed,
          awarded: c.awarded,
          tieLostByLot: c.tieLostByLot,
        }));
        const held = x.held.map((h) => ({ ...h, districtId: districtOf(h.villageId) }));
        const envelopes = [
          ...(x.districtEnvelope === undefined ? [] : [{ districtId: 'd1', amount: x.districtEnvelope }]),
          ...(x.villageEnvelope === undefined ? [] : [{ villageId: 'v3', amount: x.villageEnvelope }]),
        ];
        const service = allocate(
          candidates,
          {
            budget: x.budget,
            maxAward: x.maxAward,
            envelopes,
            floors: [{ districtId: 'd2', grants: x.floor }],
            partial: x.partialMinShareBp === null ? undefined : { minShareBp: x.partialMinShareBp },
          },
          held,
        );
        const script = scriptAllocate(
          candidates.map((c) => ({ ...c, id: c.applicationId })),
          {
            budget: x.budget,
            maxAward: x.maxAward,
            envelopes: envelopes.map((e) => ({
              key: 'districtId' in e ? `district:${e.districtId}` : `village:${e.villageId}`,
              amount: e.amount,
            })),
            floors: new Map([['d2', x.floor]]),
            partialMinShareBp: x.partialMinShareBp,
          },
          held,
        );
        expect(candidates.map((c) => script.given.get(c.applicationId))).toEqual(
          service.decisions.map((d) => ({ amount: d.amount, reason: d.reason })),
        );
        expect([script.committed, script.remaining]).toEqual([service.committed, service.remaining]);
      }),
      { numRuns: 1000 },
    );
  });
});
