import fc from 'fast-check';
import { allocate, AllocationCandidate, AllocationEnvelope, allocationProblems, AllocationRules } from './allocation';

const candidate = (
  applicationId: string,
  rank: number,
  requested: bigint,
  more: Partial<AllocationCandidate> = {},
): AllocationCandidate => ({
  applicationId,
  rank,
  requested,
  districtId: 'd1',
  villageId: 'v1',
  gatesPassed: true,
  ...more,
});
const rules = (more: Partial<AllocationRules> = {}): AllocationRules => ({
  budget: 100n,
  maxAward: 1000n,
  envelopes: [],
  floors: [],
  ...more,
});
/** id -> [amount, reason], in rank order, for compact expectations. */
const outcome = (candidates: AllocationCandidate[], r: AllocationRules) =>
  Object.fromEntries(allocate(candidates, r).decisions.map((d) => [d.applicationId, [d.amount, d.reason]]));

describe('allocation: examples', () => {
  it('keeps awards already held first, so money freed by a decline goes to the next in line', () => {
    // a declined (left out); b holds 50; the 50 freed goes to c, the next in line, not to a cheaper d below it.
    expect(
      outcome([candidate('b', 2, 50n, { awarded: 50n }), candidate('c', 3, 50n), candidate('d', 4, 10n)], rules()),
    ).toEqual({
      b: [50n, 'funded'],
      c: [50n, 'funded'],
      d: [0n, 'budget_exhausted'],
    });
    // A held award below the request (adjusted by a manager) reads as partial, and counts against the district's floor.
    expect(
      outcome(
        [
          candidate('a', 1, 60n, { awarded: 30n }),
          candidate('b', 2, 60n, { districtId: 'd2' }),
          candidate('c', 3, 20n),
        ],
        rules({ floors: [{ districtId: 'd1', grants: 1 }] }),
      ),
    ).toEqual({ a: [30n, 'funded_partially'], b: [60n, 'funded'], c: [0n, 'budget_exhausted'] });
    // A district whose floor is met by held awards gets no extra floor grant; another district still does.
    expect(
      outcome(
        [
          candidate('a', 1, 40n, { awarded: 40n }),
          candidate('b', 2, 40n),
          candidate('c', 3, 20n, { districtId: 'd2' }),
        ],
        rules({
          floors: [
            { districtId: 'd1', grants: 1 },
            { districtId: 'd2', grants: 1 },
          ],
        }),
      ),
    ).toEqual({ a: [40n, 'funded'], b: [40n, 'funded'], c: [20n, 'floor'] });
    expect(allocationProblems([candidate('a', 1, 40n, { awarded: 0n })], rules())).toEqual([
      'application a: an award already held must be positive',
    ]);
  });

  it('takes money held outside the candidates off the budget and its envelopes first, and counts it towards no floor', () => {
    const held = [{ districtId: 'd1', villageId: 'v1', amount: 30n }];
    const result = allocate(
      [candidate('a', 1, 50n), candidate('b', 2, 30n), candidate('c', 3, 20n, { districtId: 'd2', villageId: 'v2' })],
      rules({
        budget: 120n,
        envelopes: [{ districtId: 'd1', amount: 70n }],
        floors: [{ districtId: 'd1', grants: 1 }],
      }),
      held,
    );
    expect(result.decisions.map((d) => [d.applicationId, d.amount, d.reason])).toEqual([
      ['a', 0n, 'envelope_full'],
      ['b', 30n, 'floor'],
      ['c', 20n, 'funded'],
    ]);
    expect({ committed: result.committed, remaining: result.remaining }).toEqual({ committed: 80n, remaining: 40n });
    expect(allocationProblems([], rules(), [{ districtId: 'd1', villageId: '', amount: 0n }])).toEqual([
      'held amount 1 must be positive',
      'held amount 1: district and village are required',
    ]);
  });

  it('funds in rank order and skips, not stops at, an application that no longer fits', () => {
    const result = allocate([candidate('c', 3, 40n), candidate('a', 1, 60n), candidate('b', 2, 50n)], rules());
    expect(result.decisions).toEqual([
      { applicationId: 'a', rank: 1, amount: 60n, reason: 'funded' },
      { applicationId: 'b', rank: 2, amount: 0n, reason: 'budget_exhausted' },
      { applicationId: 'c', rank: 3, amount: 40n, reason: 'funded' },
    ]);
    expect(result.committed).toBe(100n);
    expect(result.remaining).toBe(0n);
  });

  it('does not trade a strong application for cheaper weaker ones (no points per tenge)', () => {
    // Knapsack would take b+c+d (three grants); rank order takes a, and nothing else fits.
    expect(
      outcome(
        [candidate('a', 1, 90n), candidate('b', 2, 30n), candidate('c', 3, 30n), candidate('d', 4, 30n)],
        rules(),
      ),
    ).toEqual({
      a: [90n, 'funded'],
      b: [0n, 'budget_exhausted'],
      c: [0n, 'budget_exhausted'],
      d: [0n, 'budget_exhausted'],
    });
  });

  it('never funds an application below a gate, even with money left', () => {
    const result = allocate([candidate('a', 1, 10n, { gatesPassed: false }), candidate('b', 2, 10n)], rules());
    expect(result.decisions.map((d) => [d.applicationId, d.amount, d.reason])).toEqual([
      ['a', 0n, 'below_gate'],
      ['b', 10n, 'funded'],
    ]);
    expect(result.remaining).toBe(90n);
  });

  it('says tie lost by lot for an unfunded application whose rank the lottery decided, and nothing changes for a funded one', () => {
    expect(
      outcome(
        [
          candidate('a', 1, 60n),
          candidate('b', 2, 50n, { tieLostByLot: true }),
          candidate('c', 3, 40n, { tieLostByLot: true }),
        ],
        rules(),
      ),
    ).toEqual({
      a: [60n, 'funded'],
      b: [0n, 'tie_lost_by_lot'],
      c: [40n, 'funded'],
    });
    // Below a gate says so, whatever the lottery did.
    expect(outcome([candidate('a', 1, 60n, { gatesPassed: false, tieLostByLot: true })], rules())).toEqual({
      a: [0n, 'below_gate'],
    });
  });

  it('caps every award at the competition maximum', () => {
    expect(
      outcome([candidate('a', 1, 80n), candidate('b', 2, 30n), candidate('c', 3, 50n)], rules({ maxAward: 50n })),
    ).toEqual({
      a: [50n, 'funded'],
      b: [30n, 'funded'],
      c: [0n, 'budget_exhausted'],
    });
  });

  it('keeps a district envelope: skips what would overflow it, funds other districts', () => {
    const cs = [
      candidate('a', 1, 50n),
      candidate('b', 2, 30n),
      candidate('c', 3, 30n, { districtId: 'd2', villageId: 'v2' }),
      candidate('d', 4, 20n),
    ];
    expect(outcome(cs, rules({ envelopes: [{ districtId: 'd1', amount: 70n }] }))).toEqual({
      a: [50n, 'funded'],
      b: [0n, 'envelope_full'],
      c: [30n, 'funded'],
      d: [20n, 'funded'],
    });
  });

  it('keeps a village envelope, and leaves other villages of the district alone', () => {
    const cs = [candidate('a', 1, 40n), candidate('b', 2, 40n), candidate('c', 3, 40n, { villageId: 'v2' })];
    expect(outcome(cs, rules({ budget: 200n, envelopes: [{ villageId: 'v1', amount: 50n }] }))).toEqual({
      a: [40n, 'funded'],
      b: [0n, 'envelope_full'],
      c: [40n, 'funded'],
    });
  });

  it('says budget exhausted when neither the budget nor the envelope would fit, envelope full when only the envelope blocks', () => {
    const cs = [candidate('a', 1, 60n), candidate('b', 2, 50n), candidate('c', 3, 30n)];
    expect(outcome(cs, rules({ envelopes: [{ districtId: 'd1', amount: 80n }] }))).toEqual({
      a: [60n, 'funded'],
      b: [0n, 'budget_exhausted'],
      c: [0n, 'envelope_full'],
    });
  });

  it('applies a district and a village envelope together', () => {
    const cs = [
      candidate('a', 1, 30n),
      candidate('b', 2, 30n, { villageId: 'v2' }),
      candidate('c', 3, 30n, { villageId: 'v3' }),
      candidate('d', 4, 10n, { villageId: 'v2' }),
    ];
    expect(
      outcome(
        cs,
        rules({
          budget: 1000n,
          envelopes: [
            { districtId: 'd1', amount: 80n },
            { villageId: 'v2', amount: 40n },
          ],
        }),
      ),
    ).toEqual({
      a: [30n, 'funded'],
      b: [30n, 'funded'],
      c: [0n, 'envelope_full'],
      d: [10n, 'funded'],
    });
  });

  describe('floors', () => {
    const d2 = { districtId: 'd2', villageId: 'v2' };

    it('are met first by the best-ranked fitting applications of the district', () => {
      const cs = [
        candidate('a', 1, 60n),
        candidate('b', 2, 40n),
        candidate('c', 3, 200n, d2),
        candidate('e', 4, 50n, d2),
        candidate('f', 5, 10n, d2),
      ];
      expect(outcome(cs, rules({ budget: 110n }))).toEqual({
        a: [60n, 'funded'],
        b: [40n, 'funded'],
        c: [0n, 'budget_exhausted'],
        e: [0n, 'budget_exhausted'],
        f: [10n, 'funded'],
      });
      expect(outcome(cs, rules({ budget: 110n, floors: [{ districtId: 'd2', grants: 1 }] }))).toEqual({
        a: [60n, 'funded'],
        b: [0n, 'budget_exhausted'],
        c: [0n, 'budget_exhausted'],
        e: [50n, 'floor'],
        f: [0n, 'budget_exhausted'],
      });
    });

    it('skip applications below a gate and stop at the declared count', () => {
      const cs = [
        candidate('a', 1, 50n),
        candidate('b', 2, 20n, { ...d2, gatesPassed: false }),
        candidate('c', 3, 20n, d2),
        candidate('e', 4, 20n, d2),
        candidate('f', 5, 20n, d2),
      ];
      expect(outcome(cs, rules({ budget: 90n, floors: [{ districtId: 'd2', grants: 2 }] }))).toEqual({
        a: [50n, 'funded'],
        b: [0n, 'below_gate'],
        c: [20n, 'floor'],
        e: [20n, 'floor'],
        f: [0n, 'budget_exhausted'],
      });
    });

    it("give every district its first floor grant before any district's second", () => {
      const cs = [
        candidate('a', 1, 40n),
        candidate('b', 2, 40n),
        candidate('c', 3, 40n, d2),
        candidate('d', 4, 40n, { districtId: 'd3', villageId: 'v3' }),
      ];
      const floors = [
        { districtId: 'd1', grants: 2 },
        { districtId: 'd2', grants: 1 },
      ];
      expect(outcome(cs, rules({ budget: 80n, floors }))).toEqual({
        a: [40n, 'floor'],
        b: [0n, 'budget_exhausted'],
        c: [40n, 'floor'],
        d: [0n, 'budget_exhausted'],
      });
      expect(outcome(cs, rules({ budget: 120n, floors }))).toEqual({
        a: [40n, 'floor'],
        b: [40n, 'floor'],
        c: [40n, 'floor'],
        d: [0n, 'budget_exhausted'],
      });
    });

    it('stay unmet when the money or the envelope does not allow them', () => {
      const cs = [candidate('a', 1, 50n), candidate('c', 2, 45n, d2)];
      expect(
        outcome(
          cs,
          rules({
            budget: 100n,
            floors: [{ districtId: 'd2', grants: 1 }],
            envelopes: [{ districtId: 'd2', amount: 40n }],
          }),
        ),
      ).toEqual({
        a: [50n, 'funded'],
        c: [0n, 'envelope_full'],
      });
    });
  });

  describe('partial funding', () => {
    const cs = [candidate('a', 1, 60n), candidate('b', 2, 50n), candidate('c', 3, 10n), candidate('d', 4, 5n)];

    it('offers the first application that does not fit the room left, when that is at least the minimum share', () => {
      const result = allocate(cs, rules({ partial: { minShareBp: 5000 } }));
      expect(Object.fromEntries(result.decisions.map((d) => [d.applicationId, [d.amount, d.reason]]))).toEqual({
        a: [60n, 'funded'],
        b: [40n, 'funded_partially'],
        c: [0n, 'budget_exhausted'],
        d: [0n, 'budget_exhausted'],
      });
      expect(result.remaining).toBe(0n);
      // Exactly at the minimum share (40 of 50 = 8000 bp) still counts.
      expect(outcome(cs, rules({ partial: { minShareBp: 8000 } })).b).toEqual([40n, 'funded_partially']);
    });

    it('offers nothing below the minimum share, and no one further down is offered instead', () => {
      expect(outcome(cs, rules({ partial: { minShareBp: 8001 } }))).toEqual({
        a: [60n, 'funded'],
        b: [0n, 'budget_exhausted'],
        c: [10n, 'funded'],
        d: [5n, 'funded'],
      });
      // Only the first that does not fit is considered: c would reach the share with the 40 left, but is not offered it.
      const more = [candidate('a', 1, 60n), candidate('b', 2, 50n), candidate('c', 3, 45n), candidate('d', 4, 5n)];
      expect(outcome(more, rules({ partial: { minShareBp: 8001 } }))).toEqual({
        a: [60n, 'funded'],
        b: [0n, 'budget_exhausted'],
        c: [0n, 'budget_exhausted'],
        d: [5n, 'funded'],
      });
    });

    it('makes at most one partial award, the share measured against the capped request and the room within envelopes', () => {
      const two = [
        candidate('a', 1, 70n),
        candidate('b', 2, 50n, { districtId: 'd2', villageId: 'v2' }),
        candidate('c', 3, 50n),
      ];
      expect(
        outcome(
          two,
          rules({
            budget: 200n,
            maxAward: 40n,
            envelopes: [{ districtId: 'd1', amount: 60n }],
            partial: { minShareBp: 5000 },
          }),
        ),
      ).toEqual({
        a: [40n, 'funded'],
        b: [40n, 'funded'],
        c: [20n, 'funded_partially'],
      });
      const three = [
        candidate('a', 1, 60n),
        candidate('b', 2, 50n, { villageId: 'v2' }),
        candidate('c', 3, 50n, { villageId: 'v3' }),
      ];
      expect(
        outcome(
          three,
          rules({
            budget: 200n,
            envelopes: [
              { villageId: 'v1', amount: 30n },
              { villageId: 'v2', amount: 30n },
            ],
            partial: { minShareBp: 1000 },
          }),
        ),
      ).toEqual({
        a: [30n, 'funded_partially'],
        b: [0n, 'envelope_full'],
        c: [50n, 'funded'],
      });
    });

    it('never offers an empty room', () => {
      expect(outcome([candidate('a', 1, 100n), candidate('b', 2, 10n)], rules({ partial: { minShareBp: 0 } }))).toEqual(
        {
          a: [100n, 'funded'],
          b: [0n, 'budget_exhausted'],
        },
      );
    });
  });

  it('refuses bad input with a clear message', () => {
    expect(() => allocate([candidate('a', 1, 10n), candidate('a', 2, 10n)], rules())).toThrow(
      'application a appears more than once',
    );
    expect(() => allocate([candidate('a', 1, 10n), candidate('b', 1, 10n)], rules())).toThrow(
      'application b: rank 1 is shared with another application',
    );
    expect(() => allocate([candidate('a', 0, 10n)], rules())).toThrow('rank must be a whole number from 1');
    expect(() => allocate([candidate('a', 1.5, 10n)], rules())).toThrow('rank must be a whole number from 1');
    expect(() => allocate([candidate('a', 1, 0n)], rules())).toThrow(
      'application a: requested amount must be positive',
    );
    expect(() => allocate([candidate('a', 1, 10n, { villageId: '' })], rules())).toThrow(
      'district and village are required',
    );
    expect(() => allocate([], rules({ budget: -1n }))).toThrow('budget cannot be negative');
    expect(() => allocate([], rules({ maxAward: 0n }))).toThrow('maximum award must be positive');
    expect(() => allocate([], rules({ envelopes: [{ districtId: 'd1', villageId: 'v1', amount: 1n }] }))).toThrow(
      'envelope 1: name exactly one of a district or a village',
    );
    expect(() => allocate([], rules({ envelopes: [{ amount: 1n }] }))).toThrow('envelope 1: name exactly one');
    expect(() =>
      allocate(
        [],
        rules({
          envelopes: [
            { villageId: 'v1', amount: 1n },
            { villageId: 'v1', amount: 2n },
          ],
        }),
      ),
    ).toThrow('envelope 2: another envelope caps the same village');
    expect(() => allocate([], rules({ envelopes: [{ districtId: 'd1', amount: -1n }] }))).toThrow(
      'envelope 1: amount cannot be negative',
    );
    expect(() => allocate([], rules({ floors: [{ districtId: 'd1', grants: -1 }] }))).toThrow(
      'floor 1: grants must be a whole number from 0',
    );
    expect(() =>
      allocate(
        [],
        rules({
          floors: [
            { districtId: 'd1', grants: 1 },
            { districtId: 'd1', grants: 2 },
          ],
        }),
      ),
    ).toThrow('floor 2: another floor names the same district');
    expect(() => allocate([], rules({ partial: { minShareBp: 10001 } }))).toThrow(
      'minimum share must be a whole number of basis points from 0 to 10000',
    );
    // Every problem is named at once, for a 4xx that lists them.
    expect(allocationProblems([candidate('a', 1, 0n), candidate('a', 1, 10n)], rules({ budget: -1n }))).toHaveLength(4);
    expect(allocate([], rules())).toEqual({ decisions: [], committed: 0n, remaining: 100n });
  });
});

// ---- properties ----

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
