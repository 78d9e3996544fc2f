import { LocalizedText } from '../../common/i18n/localized-text';
import { pickedTextSql } from '../../common/i18n/localized-text.sql';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const BREAKDOWNS = ['district', 'village', 'goal'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface ReportCompetition {
  currency: string;
  budget: bigint;
}

/** Both sides of the books of one competition, read by one statement (one snapshot). */
export interface BudgetFigures extends ReportCompetition {
  committed: bigint;
  paid: bigint;
  ledger: { opened: boolean; budget: bigint; payable: bigint; paid: bigint };
}

export interface FundingRow {
  id: string;
  name: LocalizedText;
  grants: number;
  committed: bigint;
  paid: bigint;
  jobsCreated: number;
}

/** Awards that hold money: approved or further along. Declined and cancelled ones hold none. */
const LIVE = `('approved','accepted','active','completed')`;

/**
 * `award_money`: one row per award of the competition ($1) that holds or has spent money:
 * - committed: its amount while live; once cancelled, what was paid on it (the rest went back to
 *   the budget), so that committed = paid + what the ledger still owes;
 * - paid: its recorded payments (failed ones were reversed).
 * Payments are summed once per award with a join rather than a subquery per award: the planner
 * then picks a hash join or the award index as the sizes dictate, and the estimate stays low
 * enough that PostgreSQL does not spend tens of milliseconds compiling it (JIT).
 */
const AWARD_MONEY = `
  competition_awards AS (SELECT id, application_id, status IN ${LIVE} AS live, amount FROM awards WHERE competition_id = $1),
  award_paid AS (
    SELECT p.award_id, sum(p.amount) AS paid FROM payments p JOIN competition_awards a ON a.id = p.award_id WHERE p.status = 'recorded' GROUP BY p.award_id
  ),
  award_money AS (
    SELECT a.id AS award_id, a.application_id, a.live, CASE WHEN a.live THEN a.amount ELSE coalesce(p.paid, 0) END AS committed, coalesce(p.paid, 0) AS paid
      FROM competition_awards a LEFT JOIN award_paid p ON p.award_id = a.id
     WHERE a.live OR p.paid > 0
  )`;

/** `award_jobs`: the jobs created so far per live award, as its latest approved milestone report states them. */
const AWARD_JOBS = `
  award_jobs AS (
    SELECT DISTINCT ON (m.award_id) m.award_id, m.jobs_created
      FROM milestone_reports m JOIN competition_awards a ON a.id = m.award_id AND a.live
     WHERE m.status = 'approved'
     ORDER BY m.award_id, m.created_at DESC, m.id DESC
  )`;

/** What each breakdown groups by: the place or goal of the awarded application, and its name. */
const GROUPS: Record<Breakdown, { join: string; id: string; name: string }> = {
  district: {
    join: 'JOIN applications ap ON ap.id = f.application_id JOIN villages v ON v.id = ap.village_id JOIN districts g ON g.id = v.district_id',
    id: 'g.id',
    name: 'g.name',
  },
  village: {
    join: 'JOIN applications ap ON ap.id = f.application_id JOIN villages g ON g.id = ap.village_id',
    id: 'g.id',
    name: 'g.name',
  },
  // An application may serve several goals: its award counts in full under each of them.
  goal: {
    join: 'JOIN application_goals ag ON ag.application_id = f.application_id JOIN plan_goals g ON g.id = ag.goal_id',
    id: 'g.id',
    // The goal's code before its title, in each language the title has.
    name: `(SELECT jsonb_object_agg(t.key, g.code || ' ' || t.value) FROM jsonb_each_text(g.title) t)`,
  },
};

/** Read-only sums over awards, payments, milestone reports and the ledger, all in SQL. */
@Injectable()
export class FundingReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async competition(id: string): Promise<ReportCompetition | null> {
    const rows: { currency: string; budget: string }[] = await this.dataSource.query(
      'SELECT currency, budget FROM competitions WHERE id = $1',
      [id],
    );
    return rows[0] ? { currency: rows[0].currency, budget: BigInt(rows[0].budget) } : null;
  }

  /**
   * The awards and payments side and the ledger side in one statement, so a movement committed
   * between two reads can never make the books look out of balance. The ledger's balances are
   * read as LedgerService.balances reads them (budget and paid accounts, payable per award), with
   * payable accounts reached through the competition's awards (their unique index on award_id).
   */
  async budgetFigures(competitionId: string): Promise<BudgetFigures | null> {
    const rows: {
      currency: string;
      budget: string;
      committed: string;
      paid: string;
      ledger_opened: boolean;
      ledger_budget: string;
      ledger_payable: string;
      ledger_paid: string;
    }[] = await this.dataSource.query(
      `WITH ${AWARD_MONEY},
              totals AS (SELECT coalesce(sum(committed), 0) AS committed, coalesce(sum(paid), 0) AS paid FROM award_money),
              accounts AS (
                SELECT count(*) FILTER (WHERE kind = 'budget') > 0 AS opened,
                       coalesce(sum(balance) FILTER (WHERE kind = 'budget'), 0) AS budget,
                       coalesce(sum(balance) FILTER (WHERE kind = 'paid'), 0) AS paid
                  FROM ledger_accounts WHERE competition_id = $1 AND award_id IS NULL
              ),
              payable AS (
                SELECT coalesce(sum(la.balance), 0) AS payable
                  FROM competition_awards a JOIN ledger_accounts la ON la.award_id = a.id AND la.competition_id = $1
              )
         SELECT c.currency, c.budget, t.committed, t.paid,
                acc.opened AS ledger_opened, acc.budget AS ledger_budget, pay.payable AS ledger_payable, acc.paid AS ledger_paid
           FROM competitions c, totals t, accounts acc, payable pay
          WHERE c.id = $1`,
      [competitionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      currency: row.currency,
      budget: BigInt(row.budget),
      committed: BigInt(row.committed),
      paid: BigInt(row.paid),
      ledger: {
        opened: row.ledger_opened,
        budget: BigInt(row.ledger_budget),
        payable: BigInt(row.ledger_payable),
        paid: BigInt(row.ledger_paid),
      },
    };
  }

  /**
   * One row per district, village or goal with money in it, sorted by name (then id, for equal
   * names). Grouping by the key alone is enough: the name depends on it.
   */
  async breakdown(competitionId: string, by: Breakdown): Promise<FundingRow[]> {
    const group = GROUPS[by];
    const rows: { id: string; name: LocalizedText; grants: number; committed: string; paid: string; jobs: string }[] =
      await this.dataSource.query(
        `WITH ${AWARD_MONEY}, ${AWARD_JOBS}
       SELECT ${group.id} AS id, ${group.name} AS name, (count(*) FILTER (WHERE f.live))::int AS grants,
              sum(f.committed) AS committed, sum(f.paid) AS paid, coalesce(sum(j.jobs_created), 0) AS jobs
         FROM award_money f LEFT JOIN award_jobs j ON j.award_id = f.award_id ${group.join}
        GROUP BY ${group.id}
        ORDER BY ${pickedTextSql(`(${group.name})`)}, ${group.id}`,
        [competitionId],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      grants: r.grants,
      committed: BigInt(r.committed),
      paid: BigInt(r.paid),
      jobsCreated: Number(r.jobs),
    }));
  }
}
