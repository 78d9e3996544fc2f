import { DomainError } from '../src/common/errors/domain-error';
import { LedgerService, Posting } from '../src/modules/ledger/ledger.service';
import { bareAwards, createAwardable } from './helpers/award-setup';
import { Cast, createCast, createCompetition, createPlaces } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

/** Rules 7 and 8 at the bottom: the ledger itself, against the real database, under real races. */
describe('ledger', () => {
  let ctx: TestContext;
  let cast: Cast;
  let ledger: LedgerService;
  let villageIds: string[];
  let freeAwards: string[];
  const anAward = () => freeAwards.pop()!;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    ledger = ctx.app.get(LedgerService);
    villageIds = (await createPlaces(ctx, cast.admin.user.id, 1)).villageIds;
    // Award rows for the payable accounts to belong to (the ledger's award_id is a foreign key).
    freeAwards = await bareAwards(ctx, await createAwardable(ctx, cast, 24), cast.manager.user.id);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const competition = async (budget: string) =>
    (await createCompetition(ctx, cast.manager.user.id, villageIds, { budget, minAward: '10', maxAward: budget })).id;
  /** Each posting in its own transaction, as each approval or payment request is. */
  const post = (posting: Omit<Posting, 'actorId'>) =>
    ctx.dataSource.transaction((em) => ledger.post(em, { ...posting, actorId: cast.manager.user.id }));

  it('opens the budget from the competition on first use, and keeps every transaction balanced', async () => {
    const id = await competition('1000');
    const award = anAward();
    await post({ competitionId: id, movement: 'commitment', amount: 600n, awardId: award });
    await post({ competitionId: id, movement: 'payment', amount: 250n, awardId: award });
    await post({ competitionId: id, movement: 'release', amount: 350n, awardId: award });
    expect(await ledger.balances(id)).toEqual({ budget: 750n, payable: 0n, paid: 250n, funded: 1000n });
    const unbalanced: unknown[] = await ctx.dataSource.query(
      `SELECT t.id FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id WHERE t.competition_id = $1 GROUP BY t.id HAVING sum(e.amount) <> 0`,
      [id],
    );
    expect(unbalanced).toEqual([]);
    const [{ drift }]: { drift: number }[] = await ctx.dataSource.query(
      `SELECT count(*)::int AS drift FROM ledger_accounts a WHERE a.competition_id = $1 AND a.balance <> (SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = a.id)`,
      [id],
    );
    expect(drift).toBe(0);
  });

  it('twenty parallel commitments where the budget fits ten: exactly ten', async () => {
    const id = await competition('1000');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        post({ competitionId: id, movement: 'commitment', amount: 100n, awardId: anAward() }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as { code?: string; constraint?: string }).constraint ?? (r.reason as DomainError).code);
    expect(new Set(refused)).toEqual(new Set(['CK_ledger_accounts_balance']));
    expect(await ledger.balances(id)).toEqual({ budget: 0n, payable: 1000n, paid: 0n, funded: 1000n });
    // One opening, ten commitments.
    const [{ n }]: { n: number }[] = await ctx.dataSource.query(
      'SELECT count(*)::int AS n FROM ledger_transactions WHERE competition_id = $1',
      [id],
    );
    expect(n).toBe(11);
  });

  it('never pays more than an award still owes, even in parallel', async () => {
    const id = await competition('1000');
    const award = anAward();
    await post({ competitionId: id, movement: 'commitment', amount: 300n, awardId: award });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => post({ competitionId: id, movement: 'payment', amount: 100n, awardId: award })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await ledger.balances(id)).toEqual({ budget: 700n, payable: 0n, paid: 300n, funded: 1000n });
  });

  it('refuses to change history or a balance by hand, and an unbalanced transaction at commit', async () => {
    const id = await competition('500');
    await post({ competitionId: id, movement: 'commitment', amount: 100n, awardId: anAward() });
    await expect(
      ctx.dataSource.query(
        `UPDATE ledger_entries SET amount = amount * 2 WHERE account_id IN (SELECT id FROM ledger_accounts WHERE competition_id = $1)`,
        [id],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      ctx.dataSource.query(`DELETE FROM ledger_transactions WHERE competition_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ctx.dataSource.query(
        `UPDATE ledger_accounts SET balance = balance + 1000 WHERE competition_id = $1 AND kind = 'budget'`,
        [id],
      ),
    ).rejects.toThrow(/only through entries/);
    await expect(
      ctx.dataSource.transaction(async (em) => {
        const [t]: { id: string }[] = await em.query(
          `INSERT INTO ledger_transactions (competition_id, movement) VALUES ($1, 'release') RETURNING id`,
          [id],
        );
        const [budget]: { id: string }[] = await em.query(
          `SELECT id FROM ledger_accounts WHERE competition_id = $1 AND kind = 'budget'`,
          [id],
        );
        await em.query('INSERT INTO ledger_entries (transaction_id, account_id, amount) VALUES ($1, $2, 50)', [
          t.id,
          budget.id,
        ]);
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await ledger.balances(id)).toEqual({ budget: 400n, payable: 100n, paid: 0n, funded: 500n });
  });
});
