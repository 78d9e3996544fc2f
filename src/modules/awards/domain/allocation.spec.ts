import { candidate, outcome, rules } from '../../../../test/helpers/allocation-cases';
import { allocate, AllocationCandidate, allocationProblems, AllocationRules } from './allocation';

describe('allocation input', () => {
  const a = candidate('a', 1, 10n);
  it.each<[string, AllocationCandidate[], Partial<AllocationRules>, string[]]>([
    ['a valid candidate', [a], {}, []],
    ['an empty application id', [candidate('', 1, 10n)], {}, ['every application needs an id']],
    ['an id given twice', [a, candidate('a', 2, 10n)], {}, ['application a appears more than once']],
    ['rank 1', [candidate('a', 1, 10n)], {}, []],
    ['rank 0', [candidate('a', 0, 10n)], {}, ['application a: rank must be a whole number from 1']],
    ['a fractional rank', [candidate('a', 1.5, 10n)], {}, ['application a: rank must be a whole number from 1']],
    ['a shared rank', [a, candidate('b', 1, 10n)], {}, ['application b: rank 1 is shared with another application']],
    ['a request of one tiyn', [candidate('a', 1, 1n)], {}, []],
    ['a request of zero', [candidate('a', 1, 0n)], {}, ['application a: requested amount must be positive']],
    [
      'no village',
      [candidate('a', 1, 10n, { villageId: '' })],
      {},
      ['application a: district and village are required'],
    ],
    ['an award held of one tiyn', [candidate('a', 1, 10n, { awarded: 1n })], {}, []],
    [
      'an award held of zero',
      [candidate('a', 1, 10n, { awarded: 0n })],
      {},
      ['application a: an award already held must be positive'],
    ],
    ['a zero budget', [], { budget: 0n }, []],
    ['a negative budget', [], { budget: -1n }, ['budget cannot be negative']],
    ['a maximum award of one tiyn', [], { maxAward: 1n }, []],
    ['an empty envelope', [], { envelopes: [{ villageId: 'v1', amount: 0n }] }, []],
    [
      'an envelope with an empty id',
      [],
      {
        envelopes: [
          { villageId: 'v1', amount: 1n },
          { districtId: '', amount: 1n },
        ],
      },
      ['envelope 2: the id is empty'],
    ],
    [
      'a district and a village envelope of the same id',
      [],
      {
        envelopes: [
          { villageId: 'x', amount: 1n },
          { districtId: 'x', amount: 1n },
        ],
      },
      [],
    ],
    [
      'two envelopes for one district',
      [],
      {
        envelopes: [
          { districtId: 'd1', amount: 1n },
          { districtId: 'd1', amount: 1n },
        ],
      },
      ['envelope 2: another envelope caps the same district'],
    ],
    ['a floor of zero grants', [], { floors: [{ districtId: 'd1', grants: 0 }] }, []],
    [
      'a floor without a district',
      [],
      {
        floors: [
          { districtId: 'd1', grants: 1 },
          { districtId: '', grants: 1 },
        ],
      },
      ['floor 2: district is required'],
    ],
    ['partial funding from any share', [], { partial: { minShareBp: 0 } }, []],
    ['partial funding of the whole request only', [], { partial: { minShareBp: 10_000 } }, []],
    [
      'partial funding from a negative share',
      [],
      { partial: { minShareBp: -1 } },
      ['partial funding: minimum share must be a whole number of basis points from 0 to 10000'],
    ],
    [
      'partial funding from a fractional share',
      [],
      { partial: { minShareBp: 2500.5 } },
      ['partial funding: minimum share must be a whole number of basis points from 0 to 10000'],
    ],
  ])('%s', (_case, candidates, more, problems) => {
    expect(allocationProblems(candidates, rules(more))).toEqual(problems);
  });

  it.each<[bigint, string]>([
    // What the budget has left after a is exactly b's request: only the envelope stops b.
    [80n, 'envelope_full'],
    [81n, 'budget_exhausted'],
  ])('names why a request of %s is not funded: %s', (requested, reason) => {
    const r = rules({ envelopes: [{ villageId: 'v1', amount: 30n }] });
    expect(outcome([candidate('a', 1, 20n), candidate('b', 2, requested)], r)).toEqual({
      a: [20n, 'funded'],
      b: [0n, reason],
    });
  });

  it('refuses to allocate with every problem in its message', () => {
    expect(() => allocate([candidate('', 1, 0n)], rules())).toThrow(
      'cannot allocate: every application needs an id; an application: requested amount must be positive',
    );
  });
});

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
