import fc from 'fast-check';
import { accountKey, AccountRef, Entry, isBalanced, movement, Movement, MOVEMENTS, post } from './ledger';

describe('ledger', () => {
  it('opens a budget, commits, pays and releases with balanced pairs of entries', () => {
    let balances = new Map<string, bigint>();
    const apply = (kind: Movement, amount: bigint, award?: string) => {
      const result = post(balances, movement(kind, amount, award));
      if ('overdrawn' in result) throw new Error(result.overdrawn.join());
      balances = result.balances;
    };
    apply('opening', 1000n);
    apply('commitment', 600n, 'a1');
    apply('commitment', 400n, 'a2');
    expect(post(balances, movement('commitment', 1n, 'a3'))).toEqual({ overdrawn: ['budget'] });
    apply('payment', 300n, 'a1');
    expect(post(balances, movement('payment', 301n, 'a1'))).toEqual({ overdrawn: ['payable:a1'] });
    apply('payment_reversal', 300n, 'a1');
    apply('release', 400n, 'a2');
    expect(Object.fromEntries(balances)).toEqual({
      funding: -1000n,
      budget: 400n,
      'payable:a1': 600n,
      'payable:a2': 0n,
      paid: 0n,
    });
  });

  it('refuses what is not a movement: zero or negative amounts, a missing award, unbalanced entries', () => {
    expect(() => movement('commitment', 0n, 'a')).toThrow(/positive/);
    expect(() => movement('payment', 5n)).toThrow(/award/);
    expect(() => post(new Map(), [{ account: { kind: 'budget' }, amount: 5n }])).toThrow(/unbalanced/);
    expect(
      isBalanced([
        { account: { kind: 'budget' }, amount: 5n },
        { account: { kind: 'paid' }, amount: -4n },
      ]),
    ).toBe(false);
  });

  it('whatever the sequence: every transaction balances, all balances sum to zero, none but funding goes below zero', () => {
    const op = fc.record({
      kind: fc.constantFrom(...MOVEMENTS),
      amount: fc.bigInt({ min: 1n, max: 500n }),
      award: fc.constantFrom('a1', 'a2', 'a3'),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let balances = new Map<string, bigint>();
        for (const o of ops) {
          const entries = movement(o.kind, o.amount, o.award);
          expect(isBalanced(entries)).toBe(true);
          const result = post(balances, entries);
          if ('balances' in result) balances = result.balances;
          else expect(result.overdrawn.length).toBeGreaterThan(0);
          expect([...balances.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
          for (const [key, value] of balances) if (key !== 'funding') expect(value >= 0n).toBe(true);
        }
        // What was paid never exceeds what was committed net of releases: the payable accounts say so.
        const paid = balances.get('paid') ?? 0n;
        const committed = [...balances].filter(([k]) => k.startsWith('payable:')).reduce((s, [, v]) => s + v, 0n);
        expect(paid + committed + (balances.get('budget') ?? 0n)).toBe(-(balances.get('funding') ?? 0n));
      }),
      { numRuns: 1000 },
    );
  });

  it.each<[Movement, string, string]>([
    ['opening', 'funding', 'budget'],
    ['commitment', 'budget', 'payable:a1'],
    ['release', 'payable:a1', 'budget'],
    ['payment', 'payable:a1', 'paid'],
    ['payment_reversal', 'paid', 'payable:a1'],
  ])('%s moves the amount from %s to %s', (kind, from, to) => {
    expect(movement(kind, 7n, 'a1').map((e) => [accountKey(e.account), e.amount])).toEqual([
      [from, -7n],
      [to, 7n],
    ]);
  });

  it.each<[string, () => unknown, RegExp | null]>([
    ['one tiyn', () => movement('commitment', 1n, 'a1'), null],
    ['zero', () => movement('commitment', 0n, 'a1'), /a movement moves a positive amount/],
    ['a negative amount', () => movement('opening', -1n), /a movement moves a positive amount/],
    ['an opening without an award', () => movement('opening', 5n), null],
    ['a commitment without an award', () => movement('commitment', 5n), /a commitment names its award/],
    ['a release with an empty award', () => movement('release', 5n, ''), /a release names its award/],
  ])('a movement of %s', (_case, make, error) => {
    if (error) expect(make).toThrow(error);
    else expect(make).not.toThrow();
  });

  it.each<[string, Entry[], boolean]>([
    ['a pair adding up to zero', [entry('budget', 5n), entry('paid', -5n)], true],
    ['three entries adding up to zero', [entry('budget', 5n), entry('paid', -2n), entry('funding', -3n)], true],
    ['a pair one tiyn apart', [entry('budget', 5n), entry('paid', -4n)], false],
    ['a single zero entry', [entry('budget', 0n)], false],
    ['no entries', [], false],
  ])('%s balances: %s', (_case, entries, balanced) => {
    expect(isBalanced(entries)).toBe(balanced);
  });

  it.each<[string, Record<string, bigint>, () => Entry[], { overdrawn: string[] } | Record<string, bigint>]>([
    [
      'a budget emptied to zero',
      { budget: 5n },
      () => movement('commitment', 5n, 'a1'),
      { budget: 0n, 'payable:a1': 5n },
    ],
    ['a budget one tiyn short', { budget: 5n }, () => movement('commitment', 6n, 'a1'), { overdrawn: ['budget'] }],
    ['funding run negative', {}, () => movement('opening', 9n), { funding: -9n, budget: 9n }],
    [
      'a payable one tiyn short',
      { 'payable:a1': 4n },
      () => movement('payment', 5n, 'a1'),
      { overdrawn: ['payable:a1'] },
    ],
    [
      'a reversal of more than was paid',
      { paid: 2n },
      () => movement('payment_reversal', 3n, 'a1'),
      { overdrawn: ['paid'] },
    ],
    [
      'an account overdrawn twice in one transaction, named once',
      { budget: 1n },
      () => [entry('budget', -2n), entry('budget', -2n), entry('funding', 4n)],
      { overdrawn: ['budget'] },
    ],
  ])('posting %s', (_case, before, entries, expected) => {
    // Entries are made in the test, so a mutant that breaks movement() fails it rather than the file.
    const result = post(new Map(Object.entries(before)), entries());
    expect('balances' in result ? Object.fromEntries(result.balances) : result).toEqual(expected);
  });

  it('keys the payable account by its award, the others by their kind', () => {
    const keys = (refs: AccountRef[]) => refs.map(accountKey);
    expect(keys([{ kind: 'payable', awardId: 'a9' }, { kind: 'budget' }, { kind: 'paid', awardId: 'a9' }])).toEqual([
      'payable:a9',
      'budget',
      'paid',
    ]);
  });
});

function entry(kind: AccountRef['kind'], amount: bigint): Entry {
  return { account: { kind }, amount };
}
