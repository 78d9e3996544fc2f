import { candidate, outcome, rules } from '../../../../test/helpers/allocation-cases';
import { allocate } from './allocation';

describe('allocation: floors and partial funding', () => {
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

    it("visit the tier after a district's held awards even when no other district has a floor there", () => {
      // d2 holds x, its first grant; its second floor grant (tier 2) is due although no district
      // is granted anything in tier 1. It was skipped once: the tiers stopped at the held ones.
      const cs = [
        candidate('a', 1, 60n),
        candidate('x', 2, 20n, { ...d2, awarded: 20n }),
        candidate('b', 3, 20n),
        candidate('y', 4, 20n, d2),
      ];
      expect(outcome(cs, rules({ budget: 100n, floors: [{ districtId: 'd2', grants: 2 }] }))).toEqual({
        a: [60n, 'funded'],
        x: [20n, 'funded'],
        b: [0n, 'budget_exhausted'],
        y: [20n, 'floor'],
      });
      // A district holding three grants against a floor of four gets its fourth in tier 4.
      const many = [
        candidate('h1', 1, 10n, { ...d2, awarded: 10n }),
        candidate('h2', 2, 10n, { ...d2, awarded: 10n }),
        candidate('h3', 3, 10n, { ...d2, awarded: 10n }),
        candidate('a', 4, 50n),
        candidate('b', 5, 20n),
        candidate('z', 6, 20n, d2),
      ];
      expect(outcome(many, rules({ budget: 100n, floors: [{ districtId: 'd2', grants: 4 }] }))).toMatchObject({
        a: [50n, 'funded'],
        b: [0n, 'budget_exhausted'],
        z: [20n, 'floor'],
      });
    });

    it('count an award already held towards its district floor', () => {
      // d2 holds x. A floor of 1 is met by it; with a floor of 2, y is its second grant, in the
      // second tier, after d3's first (w).
      const d3 = { districtId: 'd3', villageId: 'v3' };
      const cs = [
        candidate('a', 1, 50n),
        candidate('x', 2, 20n, { ...d2, awarded: 20n }),
        candidate('b', 3, 20n),
        candidate('y', 4, 20n, d2),
        candidate('w', 5, 10n, d3),
      ];
      const floors = (grants: number) => [
        { districtId: 'd2', grants },
        { districtId: 'd3', grants: 1 },
      ];
      expect(outcome(cs, rules({ budget: 100n, floors: floors(1) }))).toEqual({
        a: [50n, 'funded'],
        x: [20n, 'funded'],
        b: [20n, 'funded'],
        y: [0n, 'budget_exhausted'],
        w: [10n, 'floor'],
      });
      expect(outcome(cs, rules({ budget: 100n, floors: floors(2) }))).toEqual({
        a: [50n, 'funded'],
        x: [20n, 'funded'],
        b: [0n, 'budget_exhausted'],
        y: [20n, 'floor'],
        w: [10n, 'floor'],
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
});
