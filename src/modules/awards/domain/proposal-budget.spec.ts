import fc from 'fast-check';
import { Holding, proposalOverrun } from './proposal-budget';

const at = (villageId: string, amount: bigint, districtId = 'd1'): Holding => ({ districtId, villageId, amount });

describe('proposals within the budget and envelopes', () => {
  it('fits what is left after what is held and proposed, to the last tiyn', () => {
    const caps = { budget: 100n, envelopes: [] };
    expect(proposalOverrun([at('v1', 60n)], [at('v2', 40n)], caps)).toBeNull();
    expect(proposalOverrun([at('v1', 60n)], [at('v2', 30n), at('v2', 11n)], caps)).toEqual({
      envelope: 'budget',
      limit: 100n,
      remaining: 40n,
      requested: 41n,
    });
  });

  it('names the district or village envelope that would overflow, with what it has left', () => {
    const caps = {
      budget: 1000n,
      envelopes: [
        { districtId: 'd2', amount: 100n },
        { villageId: 'v1', amount: 50n },
      ],
    };
    expect(proposalOverrun([at('v1', 30n)], [at('v1', 21n)], caps)).toEqual({
      envelope: 'village',
      villageId: 'v1',
      limit: 50n,
      remaining: 20n,
      requested: 21n,
    });
    expect(proposalOverrun([at('v3', 70n, 'd2')], [at('v4', 20n, 'd2'), at('v5', 20n, 'd2')], caps)).toEqual({
      envelope: 'district',
      districtId: 'd2',
      limit: 100n,
      remaining: 30n,
      requested: 40n,
    });
    // The budget is named first when both would overflow.
    expect(proposalOverrun([at('v1', 40n)], [at('v1', 961n)], caps)?.envelope).toBe('budget');
  });

  it.each<[string, bigint, string | null]>([
    ['fills the village envelope to the last tiyn', 20n, null],
    ['goes one tiyn past the village envelope', 21n, 'village'],
  ])('%s', (_case, proposed, envelope) => {
    const caps = { budget: 1000n, envelopes: [{ villageId: 'v1', amount: 50n }] };
    expect(proposalOverrun([at('v1', 30n)], [at('v1', proposed)], caps)?.envelope ?? null).toBe(envelope);
  });

  it('is not blocked by an envelope it does not touch, even one already over its amount', () => {
    const caps = { budget: 1000n, envelopes: [{ villageId: 'v1', amount: 50n }] };
    expect(proposalOverrun([at('v1', 80n)], [at('v2', 100n)], caps)).toBeNull();
  });

  it('refuses exactly when some cap would hold more than its amount', () => {
    const holding = fc.record({
      districtId: fc.constantFrom('d1', 'd2'),
      villageId: fc.constantFrom('v1', 'v2', 'v3'),
      amount: fc.bigInt({ min: 1n, max: 100n }),
    });
    fc.assert(
      fc.property(
        fc.array(holding, { maxLength: 6 }),
        fc.array(holding, { minLength: 1, maxLength: 4 }),
        fc.bigInt({ min: 0n, max: 800n }),
        fc.bigInt({ min: 0n, max: 300n }),
        (held, proposed, budget, envelope) => {
          const caps = { budget, envelopes: [{ districtId: 'd1', amount: envelope }] };
          const total = (xs: Holding[]) => xs.reduce((s, h) => s + h.amount, 0n);
          const inD1 = (xs: Holding[]) => xs.filter((h) => h.districtId === 'd1');
          const over =
            total(held) + total(proposed) > budget ||
            (inD1(proposed).length > 0 && total(inD1(held)) + total(inD1(proposed)) > envelope);
          expect(proposalOverrun(held, proposed, caps) !== null).toBe(over);
        },
      ),
      { numRuns: 300 },
    );
  });
});
