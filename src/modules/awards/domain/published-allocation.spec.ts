import { publishedAllocation, RankedRow } from './published-allocation';

const row = (applicationId: string, rank: number | null, more: Partial<RankedRow> = {}): RankedRow => ({
  applicationId,
  rank,
  advanced: true,
  gatesFailed: [],
  applicationStatus: 'shortlisted',
  requested: 50n,
  districtId: 'd1',
  villageId: 'v1',
  score: rank === null ? null : 100 - rank,
  priorityMean: 3,
  liveAwardAmount: null,
  lostAwardStatus: null,
  lostAwardHolds: 0n,
  ...more,
});
const rules = { budget: 100n, maxAward: 100n, envelopes: [], floors: [] };
const reasons = (rows: RankedRow[]) =>
  publishedAllocation(rows, rules).decisions.map((d) => [d.applicationId, d.amount, d.reason]);

describe('published allocation', () => {
  it('gives everyone of the final round a reason, including those out before allocating', () => {
    expect(
      reasons([
        row('a', 1),
        row('b', 2, { applicationStatus: 'withdrawn' }),
        row('c', 3, { lostAwardStatus: 'declined' }),
        row('d', 4, { gatesFailed: ['plan'], advanced: false }),
        row('e', 5, { advanced: false }),
        row('f', 6),
        row('g', null, { advanced: false }),
      ]),
    ).toEqual([
      ['a', 50n, 'funded'],
      ['b', 0n, 'withdrawn'],
      ['c', 0n, 'declined'],
      ['d', 0n, 'below_gate'],
      ['e', 0n, 'not_advanced'],
      ['f', 50n, 'funded'],
      ['g', 0n, 'below_quorum'],
    ]);
  });

  it('says tie lost by lot only when the lottery alone separated it from a funded application', () => {
    const tied = { score: 80, priorityMean: 3, requested: 50n };
    expect(
      reasons([
        row('a', 1, { requested: 50n, score: 90 }),
        row('b', 2, tied),
        row('c', 3, tied),
        row('d', 4, { ...tied, priorityMean: 2.5 }),
      ]),
    ).toEqual([
      ['a', 50n, 'funded'],
      ['b', 50n, 'funded'],
      ['c', 0n, 'tie_lost_by_lot'],
      ['d', 0n, 'budget_exhausted'],
    ]);
  });

  const tied = { score: 80, priorityMean: 3, requested: 50n };
  it.each<[string, Partial<RankedRow>, string]>([
    ['the same score, priority and request', tied, 'tie_lost_by_lot'],
    ['a score a billionth lower', { ...tied, score: 80 - 1e-8 }, 'budget_exhausted'],
    ['a lower priority score', { ...tied, priorityMean: 2.9 }, 'budget_exhausted'],
    ['a larger request', { ...tied, requested: 51n }, 'budget_exhausted'],
    ['a failed gate', { ...tied, gatesFailed: ['plan'] }, 'below_gate'],
  ])('after a tied application is funded, one with %s reads %s', (_case, third, reason) => {
    expect(reasons([row('a', 1, { score: 90 }), row('b', 2, tied), row('c', 3, third)])).toEqual([
      ['a', 50n, 'funded'],
      ['b', 50n, 'funded'],
      ['c', 0n, reason],
    ]);
  });

  it('says no tie lost by lot when none of the tied applications is funded', () => {
    expect(reasons([row('a', 1, { score: 90, requested: 100n }), row('b', 2, tied), row('c', 3, tied)])).toEqual([
      ['a', 100n, 'funded'],
      ['b', 0n, 'budget_exhausted'],
      ['c', 0n, 'budget_exhausted'],
    ]);
  });

  it('says no tie lost by lot when only a tied application ranked after it is funded', () => {
    const envelope = { ...rules, envelopes: [{ villageId: 'v1', amount: 60n }] };
    const listed = publishedAllocation(
      [row('a', 1, { score: 90, requested: 20n }), row('b', 2, tied), row('c', 3, { ...tied, villageId: 'v2' })],
      envelope,
    );
    expect(listed.decisions.map((d) => [d.applicationId, d.amount, d.reason])).toEqual([
      ['a', 20n, 'funded'],
      ['b', 0n, 'envelope_full'],
      ['c', 50n, 'funded'],
    ]);
  });

  it('keeps an award already held first (partial when below the request), then skips what no longer fits', () => {
    expect(
      reasons([
        row('a', 1, { liveAwardAmount: 40n }),
        row('b', 2, { requested: 70n }),
        row('c', 3, { requested: 60n }),
      ]),
    ).toEqual([
      ['a', 40n, 'funded_partially'],
      ['b', 0n, 'budget_exhausted'],
      ['c', 60n, 'funded'],
    ]);
  });

  it('keeps what was paid on a cancelled award off the budget and its envelopes, and shows it on its row', () => {
    const paid = { lostAwardStatus: 'cancelled' as const, lostAwardHolds: 30n };
    expect(reasons([row('a', 1, paid), row('b', 2), row('c', 3, { requested: 30n })])).toEqual([
      ['a', 30n, 'cancelled'],
      ['b', 50n, 'funded'],
      ['c', 0n, 'budget_exhausted'],
    ]);
    const listed = publishedAllocation([row('a', 1, paid), row('b', 2), row('c', 3, { requested: 20n })], rules);
    expect({ committed: listed.committed, remaining: listed.remaining }).toEqual({ committed: 100n, remaining: 0n });
    // In a village envelope of 60, the 30 paid leaves room for 30: the next in that village does not fit.
    const envelope = { ...rules, envelopes: [{ villageId: 'v1', amount: 60n }] };
    expect(
      publishedAllocation([row('a', 1, paid), row('b', 2), row('c', 3, { villageId: 'v2' })], envelope).decisions.map(
        (d) => [d.applicationId, d.amount, d.reason],
      ),
    ).toEqual([
      ['a', 30n, 'cancelled'],
      ['b', 0n, 'envelope_full'],
      ['c', 50n, 'funded'],
    ]);
  });

  it('keeps what a live award of a withdrawn application holds until it is cancelled or lapses', () => {
    expect(
      reasons([
        row('a', 1, { applicationStatus: 'withdrawn', liveAwardAmount: 50n }),
        row('b', 2, { requested: 60n }),
        row('c', 3),
      ]),
    ).toEqual([
      ['a', 50n, 'withdrawn'],
      ['b', 0n, 'budget_exhausted'],
      ['c', 50n, 'funded'],
    ]);
  });
});
