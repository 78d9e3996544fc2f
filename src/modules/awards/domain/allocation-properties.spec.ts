import fc from 'fast-check';
import { allocate, AllocationCandidate, AllocationEnvelope, AllocationRules } from './allocation';

const DISTRICTS = ['d1', 'd2', 'd3'];
/** Six villages, two per district, as geography has it. */
const VILLAGES = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];
const districtOfVillage = (v: string) => DISTRICTS[VILLAGES.indexOf(v) % DISTRICTS.length];

const candidatesArb = fc
  .array(
    fc.record({
      requested: fc.bigInt({ min: 1n, max: 1000n }),
      villageId: fc.constantFrom(...VILLAGES),
      gatesPassed: fc.constantFrom(true, true, true, false),
      tieLostByLot: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 25 },
  )
  .chain((rows) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: rows.length, maxLength: rows.length }).map((ranks) =>
      rows.map((r, i): AllocationCandidate => ({
        applicationId: `app-${String(i).padStart(2, '0')}`,
        rank: ranks[i],
        requested: r.requested,
        districtId: districtOfVillage(r.villageId),
        villageId: r.villageId,
        gatesPassed: r.gatesPassed,
        ...(r.tieLostByLot === undefined ? {} : { tieLostByLot: r.tieLostByLot }),
      })),
    ),
  );

const rulesArb = fc.record({
  budget: fc.bigInt({ min: 0n, max: 6000n }),
  maxAward: fc.bigInt({ min: 1n, max: 1200n }),
  envelopes: fc
    .tuple(fc.subarray(DISTRICTS), fc.subarray(VILLAGES))
    .chain(([ds, vs]) =>
      fc
        .tuple(
          fc.array(fc.bigInt({ min: 0n, max: 3000n }), { minLength: ds.length, maxLength: ds.length }),
          fc.array(fc.bigInt({ min: 0n, max: 1500n }), { minLength: vs.length, maxLength: vs.length }),
        )
        .map(([da, va]): AllocationEnvelope[] => [
          ...ds.map((districtId, i) => ({ districtId, amount: da[i] })),
          ...vs.map((villageId, i) => ({ villageId, amount: va[i] })),
        ]),
    ),
  floors: fc
    .subarray(DISTRICTS)
    .chain((ds) =>
      fc
        .array(fc.integer({ min: 0, max: 3 }), { minLength: ds.length, maxLength: ds.length })
        .map((gs) => ds.map((districtId, i) => ({ districtId, grants: gs[i] }))),
    ),
  partial: fc.option(fc.record({ minShareBp: fc.integer({ min: 0, max: 10000 }) }), { nil: undefined }),
}) satisfies fc.Arbitrary<AllocationRules>;

const cappedOf = (c: AllocationCandidate, r: AllocationRules) => (c.requested < r.maxAward ? c.requested : r.maxAward);
const envelopesOf = (c: AllocationCandidate, r: AllocationRules) =>
  r.envelopes.filter((e) => e.districtId === c.districtId || e.villageId === c.villageId);
const FUNDED = new Set(['funded', 'funded_partially', 'floor']);

function solved(candidates: AllocationCandidate[], r: AllocationRules) {
  const result = allocate(candidates, r);
  const byId = new Map(candidates.map((c) => [c.applicationId, c]));
  return { result, rows: result.decisions.map((d) => ({ d, c: byId.get(d.applicationId)! })) };
}
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('allocation: properties', () => {
  it('keeps the budget and every envelope, caps every award, and gives a reason that matches the amount', () => {
    fc.assert(
      fc.property(candidatesArb, rulesArb, (candidates, r) => {
        const { result, rows } = solved(candidates, r);
        expect(result.decisions.map((d) => d.rank)).toEqual(candidates.map((c) => c.rank).sort((a, b) => a - b));
        expect(result.committed).toBe(sum(result.decisions.map((d) => d.amount)));
        expect(result.committed).toBeLessThanOrEqual(r.budget);
        expect(result.remaining).toBe(r.budget - result.committed);
        for (const e of r.envelopes) {
          const inside = rows.filter(({ c }) =>
            e.districtId !== undefined ? c.districtId === e.districtId : c.villageId === e.villageId,
          );
          expect(sum(inside.map(({ d }) => d.amount))).toBeLessThanOrEqual(e.amount);
        }
        for (const { d, c } of rows) {
          const cap = cappedOf(c, r);
          if (FUNDED.has(d.reason)) {
            expect(d.amount).toBeGreaterThan(0n);
            expect(d.amount).toBeLessThanOrEqual(cap);
            expect(c.gatesPassed).toBe(true);
          } else expect(d.amount).toBe(0n);
          if (d.reason === 'funded' || d.reason === 'floor') expect(d.amount).toBe(cap);
          if (d.reason === 'funded_partially') {
            expect(d.amount).toBeLessThan(cap);
            expect(d.amount * 10000n).toBeGreaterThanOrEqual(cap * BigInt(r.partial!.minShareBp));
          }
          expect(d.reason === 'below_gate').toBe(!c.gatesPassed);
          if (d.reason === 'tie_lost_by_lot') expect(c.tieLostByLot).toBe(true);
          if (d.reason === 'floor')
            expect(r.floors.find((f) => f.districtId === c.districtId)?.grants ?? 0).toBeGreaterThan(0);
        }
        expect(rows.filter(({ d }) => d.reason === 'funded_partially').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('is maximal: nothing left unfunded would still fit, and its reason names what blocks it', () => {
    fc.assert(
      fc.property(candidatesArb, rulesArb, (candidates, r) => {
        const { result, rows } = solved(candidates, r);
        const envelopeLeft = (e: AllocationRules['envelopes'][number]) =>
          e.amount -
          sum(
            rows
              .filter(({ c }) =>
                e.districtId !== undefined ? c.districtId === e.districtId : c.villageId === e.villageId,
              )
              .map(({ d }) => d.amount),
          );
        for (const { d, c } of rows) {
          if (!c.gatesPassed || FUNDED.has(d.reason)) continue;
          const cap = cappedOf(c, r);
          const blockingEnvelope = envelopesOf(c, r).some((e) => envelopeLeft(e) < cap);
          expect(cap > result.remaining || blockingEnvelope).toBe(true);
          if (d.reason === 'budget_exhausted') expect(cap).toBeGreaterThan(result.remaining);
          if (d.reason === 'envelope_full') expect(blockingEnvelope).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('allocates with money held outside the candidates as it would with the budget and envelopes that much smaller', () => {
    const heldArb = fc.array(
      fc.record({ villageId: fc.constantFrom(...VILLAGES), amount: fc.bigInt({ min: 1n, max: 400n }) }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(candidatesArb, rulesArb, heldArb, (candidates, r, heldRows) => {
        const held = heldRows.map((h) => ({ ...h, districtId: districtOfVillage(h.villageId) }));
        const within = (e: AllocationEnvelope) =>
          sum(held.filter((h) => h.districtId === e.districtId || h.villageId === e.villageId).map((h) => h.amount));
        fc.pre(sum(held.map((h) => h.amount)) <= r.budget && r.envelopes.every((e) => within(e) <= e.amount));
        const smaller: AllocationRules = {
          ...r,
          budget: r.budget - sum(held.map((h) => h.amount)),
          envelopes: r.envelopes.map((e) => ({ ...e, amount: e.amount - within(e) })),
        };
        const withHeld = allocate(candidates, r, held);
        const without = allocate(candidates, smaller);
        expect(withHeld.decisions).toEqual(without.decisions);
        expect(withHeld.remaining).toBe(without.remaining);
        expect(withHeld.committed).toBe(without.committed + sum(held.map((h) => h.amount)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever order the candidates, envelopes and floors come in', () => {
    const instance = fc.tuple(candidatesArb, rulesArb).chain(([candidates, r]) =>
      fc
        .tuple(
          fc.shuffledSubarray(candidates, { minLength: candidates.length, maxLength: candidates.length }),
          fc.shuffledSubarray([...r.envelopes], { minLength: r.envelopes.length, maxLength: r.envelopes.length }),
          fc.shuffledSubarray([...r.floors], { minLength: r.floors.length, maxLength: r.floors.length }),
        )
        .map(([shuffled, envelopes, floors]) => ({
          candidates,
          r,
          shuffled,
          shuffledRules: { ...r, envelopes, floors },
        })),
    );
    fc.assert(
      fc.property(instance, ({ candidates, r, shuffled, shuffledRules }) => {
        expect(allocate(shuffled, shuffledRules)).toEqual(allocate(candidates, r));
      }),
      { numRuns: 300 },
    );
  });

  it('without floors, envelopes or partial funding, funds exactly the greedy set in rank order', () => {
    const greedy = (candidates: AllocationCandidate[], budget: bigint, maxAward: bigint) => {
      let left = budget;
      const funded: string[] = [];
      for (const c of [...candidates].sort((a, b) => a.rank - b.rank)) {
        const want = c.requested < maxAward ? c.requested : maxAward;
        if (c.gatesPassed && want <= left) {
          left -= want;
          funded.push(c.applicationId);
        }
      }
      return funded;
    };
    fc.assert(
      fc.property(candidatesArb, rulesArb, (candidates, r) => {
        const plain: AllocationRules = { budget: r.budget, maxAward: r.maxAward, envelopes: [], floors: [] };
        const { decisions } = allocate(candidates, plain);
        expect(decisions.filter((d) => d.amount > 0n).map((d) => d.applicationId)).toEqual(
          greedy(candidates, r.budget, r.maxAward),
        );
        expect(
          decisions.every(
            (d) => d.reason !== 'floor' && d.reason !== 'envelope_full' && d.reason !== 'funded_partially',
          ),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never skips an application in favour of a worse-ranked one under the same caps, unless a floor explains it', () => {
    // Y funded below an unfunded X, where every cap on X also caps Y (always so in the same
    // village): outside the floors, Y can only have got in by being smaller than what X needed.
    fc.assert(
      fc.property(candidatesArb, rulesArb, (candidates, r) => {
        const { rows } = solved(candidates, r);
        for (const x of rows) {
          if (!x.c.gatesPassed || FUNDED.has(x.d.reason)) continue;
          const xCaps = envelopesOf(x.c, r);
          for (const y of rows) {
            if (y.c.rank < x.c.rank || !FUNDED.has(y.d.reason) || y.d.reason === 'floor') continue;
            const yCaps = envelopesOf(y.c, r);
            if (!xCaps.every((e) => yCaps.includes(e))) continue;
            expect(y.d.amount).toBeLessThan(cappedOf(x.c, r));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives a partial award only when everyone better ranked who passed the gates is funded in full', () => {
    fc.assert(
      fc.property(candidatesArb, rulesArb, (candidates, r) => {
        const { rows } = solved(candidates, r);
        const partial = rows.find(({ d }) => d.reason === 'funded_partially');
        if (!partial) return;
        for (const { d, c } of rows)
          if (c.rank < partial.c.rank && c.gatesPassed) expect(['funded', 'floor']).toContain(d.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('meets every floor with the best-ranked applications of the district when money and envelopes allow', () => {
    fc.assert(
      fc.property(candidatesArb, rulesArb, (candidates, r) => {
        const plenty: AllocationRules = { ...r, budget: sum(candidates.map((c) => cappedOf(c, r))), envelopes: [] };
        const { rows } = solved(candidates, plenty);
        for (const f of r.floors) {
          const passing = rows.filter(({ c }) => c.districtId === f.districtId && c.gatesPassed);
          const floorPicks = passing.filter(({ d }) => d.reason === 'floor');
          expect(floorPicks.map(({ c }) => c.applicationId)).toEqual(
            passing.slice(0, f.grants).map(({ c }) => c.applicationId),
          );
        }
        expect(rows.every(({ d, c }) => c.gatesPassed === FUNDED.has(d.reason))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
