import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountKind, Movement } from './domain/ledger';

/** The ledger's SQL: accounts created on first use, transactions and their entries appended. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async competitionBudget(em: EntityManager, competitionId: string): Promise<bigint | null> {
    const rows: { budget: string }[] = await em.query('SELECT budget FROM competitions WHERE id = $1', [competitionId]);
    return rows[0] ? BigInt(rows[0].budget) : null;
  }

  async hasCompetitionAccounts(em: EntityManager, competitionId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM ledger_accounts WHERE competition_id = $1 AND kind = 'budget' AND award_id IS NULL`,
      [competitionId],
    );
    return rows.length > 0;
  }

  /**
   * The competition's own accounts, created if missing; true when this call created the budget
   * account (its caller then posts the opening). A concurrent creator waits on the unique index.
   */
  async ensureCompetitionAccounts(em: EntityManager, competitionId: string): Promise<boolean> {
    const created: { kind: string }[] = await em.query(
      `INSERT INTO ledger_accounts (competition_id, kind) SELECT $1, kind FROM unnest(ARRAY['funding', 'budget', 'paid']) AS kind
       ON CONFLICT (competition_id, kind) WHERE award_id IS NULL DO NOTHING RETURNING kind`,
      [competitionId],
    );
    return created.some((c) => c.kind === 'budget');
  }

  async ensureAwardAccount(em: EntityManager, competitionId: string, awardId: string): Promise<void> {
    await em.query(
      `INSERT INTO ledger_accounts (competition_id, kind, award_id) VALUES ($1, 'payable', $2) ON CONFLICT (award_id) WHERE award_id IS NOT NULL DO NOTHING`,
      [competitionId, awardId],
    );
  }

  async accountIds(em: EntityManager, competitionId: string, awardId: string | null): Promise<Map<string, string>> {
    const rows: { id: string; kind: AccountKind; awardId: string | null }[] = await em.query(
      `SELECT id, kind, award_id AS "awardId" FROM ledger_accounts WHERE competition_id = $1 AND (award_id IS NULL OR award_id = $2)`,
      [competitionId, awardId],
    );
    return new Map(rows.map((r) => [r.kind === 'payable' ? `payable:${r.awardId}` : r.kind, r.id]));
  }

  async insertTransaction(
    em: EntityManager,
    values: {
      competitionId: string;
      movement: Movement;
      awardId: string | null;
      reference: string | null;
      createdBy: string | null;
    },
    entries: { accountId: string; amount: bigint }[],
  ): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO ledger_transactions (competition_id, movement, award_id, reference, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.competitionId, values.movement, values.awardId, values.reference, values.createdBy],
    );
    // One statement per entry, in the order given: the caller orders them so accounts are locked in one order.
    for (const e of entries)
      await em.query('INSERT INTO ledger_entries (transaction_id, account_id, amount) VALUES ($1, $2, $3)', [
        row.id,
        e.accountId,
        e.amount.toString(),
      ]);
    return row.id;
  }

  async awardBalance(em: EntityManager, awardId: string): Promise<bigint> {
    const rows: { balance: string }[] = await em.query(`SELECT balance FROM ledger_accounts WHERE award_id = $1`, [
      awardId,
    ]);
    return rows[0] ? BigInt(rows[0].balance) : 0n;
  }

  async balances(
    competitionId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ kind: AccountKind; awardId: string | null; balance: bigint }[]> {
    const rows: { kind: AccountKind; awardId: string | null; balance: string }[] = await em.query(
      `SELECT kind, award_id AS "awardId", balance FROM ledger_accounts WHERE competition_id = $1 ORDER BY kind, award_id`,
      [competitionId],
    );
    return rows.map((r) => ({ ...r, balance: BigInt(r.balance) }));
  }
}
