import { allocationSums, readAmounts } from './allocation-form';
import { AllocationRow, AllocationView } from './manager-awards-view';

const row = (id: string, district: string, village: string, candidate = true): AllocationRow => ({
  applicationId: id,
  reference: `SU-${id}`,
  rank: 1,
  score: 80,
  requested: 100_000_000n,
  cap: 100_000_000n,
  districtId: district,
  villageId: village,
  villageName: { ru: village },
  reason: candidate ? 'funded' : 'below_gate',
  suggested: 0n,
  award: null,
  holds: 0n,
  candidate,
});

const view: AllocationView = {
  competitionId: 'c',
  competitionTitle: { ru: 'Конкурс' },
  canPropose: true,
  budget: 250_000_000n,
  held: 50_000_000n,
  partialMinShareBp: null,
  envelopes: [
    { kind: 'district', id: 'd1', name: {}, limit: 150_000_000n, held: 50_000_000n },
    { kind: 'village', id: 'v2', name: {}, limit: 100_000_000n, held: 0n },
  ],
  rows: [row('a', 'd1', 'v1'), row('b', 'd2', 'v2'), row('c', 'd1', 'v1', false)],
  awards: [],
};

describe('the allocation form', () => {
  it('reads tenge as people type them, skips empty and zero amounts, and names a typo by its row', () => {
    const { items, errors } = readAmounts(view.rows, {
      formKey: 'k',
      amounts: { a: '1 000 000', b: '0', c: '12.5.0' },
    });
    expect(items).toEqual([{ applicationId: 'a', amount: 100_000_000n }]);
    expect(errors).toEqual([
      { field: 'amount-c', message: 'managerAwards.allocation.error.amount', params: { reference: 'SU-c' } },
    ]);
  });

  it('works out what remains of the budget and of each envelope after what is held and this proposal', () => {
    const sums = allocationSums(view, { formKey: 'k', amounts: { a: '600 000,50', b: '1000000' } });
    expect(sums.proposal).toBe(160_000_050n);
    expect(sums.remaining).toBe(250_000_000n - 50_000_000n - 160_000_050n);
    expect(sums.envelopesLeft).toEqual([150_000_000n - 50_000_000n - 60_000_050n, 0n]);
  });

  it('shows a negative remainder when the amounts typed go over the budget', () => {
    const sums = allocationSums(view, { formKey: 'k', amounts: { a: '1000000', b: '1000000', c: '1000000' } });
    expect(sums.remaining).toBe(-100_000_000n);
  });
});
