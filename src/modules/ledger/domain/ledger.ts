/**
 * Double-entry money movements (DESIGN.md section 7, rules 7 and 8). Every movement is one
 * transaction of entries whose amounts (minor units; positive adds to an account, negative takes
 * from it) sum to zero. Accounts per competition:
 * - `funding`: where the budget comes from (goes negative by the budget when the budget is opened);
 * - `budget`: what is not yet committed (never below zero: rule 7);
 * - `payable` of each award: committed and not yet paid (never below zero: paid <= award, rule 8);
 * - `paid`: what left through the paying account.
 * Entries are never changed; a correction is a new transaction the other way.
 */
export const ACCOUNT_KINDS = ['funding', 'budget', 'payable', 'paid'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** An account: its kind and, for `payable`, the award. */
export interface AccountRef {
  kind: AccountKind;
  awardId?: string;
}

export interface Entry {
  account: AccountRef;
  amount: bigint;
}

export const MOVEMENTS = ['opening', 'commitment', 'release', 'payment', 'payment_reversal'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** The two entries of a movement of `amount` (> 0). */
export function movement(kind: Movement, amount: bigint, awardId?: string): Entry[] {
  if (amount <= 0n) throw new Error('a movement moves a positive amount');
  if (kind !== 'opening' && !awardId) throw new Error(`a ${kind} names its award`);
  const payable: AccountRef = { kind: 'payable', awardId };
  const [from, to]: [AccountRef, AccountRef] = {
    opening: [{ kind: 'funding' }, { kind: 'budget' }] as [AccountRef, AccountRef],
    commitment: [{ kind: 'budget' }, payable] as [AccountRef, AccountRef],
    release: [payable, { kind: 'budget' }] as [AccountRef, AccountRef],
    payment: [payable, { kind: 'paid' }] as [AccountRef, AccountRef],
    payment_reversal: [{ kind: 'paid' }, payable] as [AccountRef, AccountRef],
  }[kind];
  return [
    { account: from, amount: -amount },
    { account: to, amount },
  ];
}

export const isBalanced = (entries: readonly Entry[]): boolean =>
  entries.length >= 2 && entries.reduce((sum, e) => sum + e.amount, 0n) === 0n;

export const accountKey = (a: AccountRef): string => (a.kind === 'payable' ? `payable:${a.awardId}` : a.kind);

/** Accounts that may never go below zero; `funding` is the only one that runs negative. */
export const NON_NEGATIVE: readonly AccountKind[] = ['budget', 'payable', 'paid'];

/**
 * Balances after a transaction, or the accounts it would take below zero (then nothing changes).
 * The database holds the same rule with a CHECK on each account's balance.
 */
export function post(
  balances: ReadonlyMap<string, bigint>,
  entries: readonly Entry[],
): { balances: Map<string, bigint> } | { overdrawn: string[] } {
  if (!isBalanced(entries)) throw new Error('an unbalanced transaction is never posted');
  const next = new Map(balances);
  for (const e of entries) next.set(accountKey(e.account), (next.get(accountKey(e.account)) ?? 0n) + e.amount);
  const overdrawn = entries
    .filter((e) => NON_NEGATIVE.includes(e.account.kind) && next.get(accountKey(e.account))! < 0n)
    .map((e) => accountKey(e.account));
  return overdrawn.length ? { overdrawn: [...new Set(overdrawn)] } : { balances: next };
}
