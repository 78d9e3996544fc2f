import fc from 'fast-check';
import { isBalanced, movement, Movement, MOVEMENTS, post } from './ledger';

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
});
