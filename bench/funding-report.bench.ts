/**
 * Funding reports over a large competition (default 10,000 awards and 30,000 payments):
 *
 * 1. A throwaway migrated database, seeded with set-based SQL: 20 districts x 25 villages, an
 *    adopted plan of 4 goals per village, N applicants and applications (a third serve two goals),
 *    a finalized round, N awards in every status (5% each cancelled after one payment, declined,
 *    approved, proposed and completed; the rest active with two or three tranches paid), three
 *    tranches each, the payments (one recorded per paid tranche; the rest of --payments are failed
 *    attempts before them), approved and pending milestone reports, and the ledger: opening,
 *    commitments, releases, payments and reversals, posted through the ledger's own triggers and
 *    checks, in the order the services post them.
 * 2. FundingReportsService from the real Nest providers (AppModule): the per-district report run 5
 *    times (the median is the figure), then by village, by goal and the budget report; the plan of
 *    the per-district statement with EXPLAIN ANALYZE.
 * 3. Checks: the budget report is consistent with the ledger, and the districts add up to it.
 *
 *   npm run bench -- funding-report [--n 10000] [--payments 30000]
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { FundingReportsService } from '../src/modules/funding-reports/funding-reports.service';
import { OpenDataService } from '../src/modules/open-data/open-data.service';
import { benchConfig, createBenchDatabase, dropBenchDatabase } from './bench-database';
import { positiveOption } from './options';

const DISTRICTS = 20;
const VILLAGES_PER_DISTRICT = 25;
const RUNS = 5;
/** Awards of 500,000..5,000,000 tenge in tiyn; the budget covers every commitment at once. */
const MIN_AWARD = 50_000_000n;
const MAX_AWARD = 500_000_000n;

const ms = (value: number) => +value.toFixed(1);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** A statement per step, each in its own transaction, so the ledger's hot accounts are pruned between them. */
async function seed(
  db: Client,
  n: number,
  payments: number,
): Promise<{ competitionId: string; seconds: number; counts: Record<string, number> }> {
  const started = performance.now();
  const q = async (sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).rows as Record<string, string>[];
  await q('SELECT setseed(0.2026)');
  const [region] = await q(`INSERT INTO regions (name) VALUES ('Bench region') RETURNING id`);
  await q(
    `INSERT INTO districts (region_id, name) SELECT $1, 'District ' || lpad(d::text, 2, '0') FROM generate_series(1, $2::int) AS d`,
    [region.id, DISTRICTS],
  );
  await q(
    `INSERT INTO villages (district_id, name) SELECT d.id, d.name || ' village ' || lpad(v::text, 2, '0') FROM districts d CROSS JOIN generate_series(1, $1::int) AS v`,
    [VILLAGES_PER_DISTRICT],
  );
  await q(
    `INSERT INTO development_plans (village_id, version, title, period_start, period_end, status, adopted_at)
     SELECT id, 1, 'Plan of ' || name, 2026, 2030, 'adopted', now() - interval '1 year' FROM villages`,
  );
  await q(
    `INSERT INTO plan_goals (plan_id, code, title, priority)
     SELECT p.id, 'G' || g, (ARRAY['Water supply','Youth jobs','Roads','Tourism'])[g], g FROM development_plans p CROSS JOIN generate_series(1, 4) AS g`,
  );
  const staff = await q(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, email_confirmed_at)
     VALUES ('bench-manager-1@example.kz', 'not-a-hash', 'Bench Manager 1', 'ru', '{manager}', now()),
            ('bench-manager-2@example.kz', 'not-a-hash', 'Bench Manager 2', 'ru', '{manager}', now()),
            ('bench-finance@example.kz', 'not-a-hash', 'Bench Finance', 'ru', '{finance}', now())
     RETURNING id`,
  );
  const [proposer, approver, finance] = staff.map((s) => s.id);
  await q(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'applicant-' || lpad(i::text, 7, '0') || '@example.kz', 'not-a-hash', 'Applicant ' || i, 'kk', '{applicant}', v.ids[1 + floor(random() * cardinality(v.ids))::int], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [n],
  );
  const [competition] = await q(
    `INSERT INTO competitions (code, title, description, budget, min_award, max_award, min_own_share_bp, opens_at, closes_at, status, opened_at, closed_at, created_by)
     VALUES ('BENCHFR', 'Bench competition 2026', 'Funding report benchmark', $1, $2, $3, 1000, now() - interval '400 days', now() - interval '370 days', 'closed',
             now() - interval '400 days', now() - interval '370 days', $4)
     RETURNING id`,
    [(MAX_AWARD * BigInt(n)).toString(), MIN_AWARD.toString(), MAX_AWARD.toString(), proposer],
  );
  const c = competition.id;
  await q(
    `INSERT INTO applications (competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, sector,
                               requested_amount, own_contribution, jobs_created, created_by, submitted_at)
     SELECT $1, u.id, u.home_village_id, 'awarded', 'SU-BENCHFR-2026-' || lpad(u.rn::text, greatest(5, length(u.rn::text)), '0'), u.rn, 'Bench project ' || u.rn, 'A small business',
            (ARRAY['agriculture','tourism','crafts','services','trade','processing','other'])[1 + u.rn % 7],
            $2::bigint + floor(random() * 451)::bigint * 1000000, 10000000, 1 + u.rn % 5, u.id, now() - interval '380 days'
       FROM (SELECT id, home_village_id, row_number() OVER (ORDER BY email)::int AS rn FROM users WHERE roles = '{applicant}') AS u`,
    [c, MIN_AWARD.toString()],
  );
  // Every application serves goal 1..4 of its village's plan; a third of them serve the next goal too.
  await q(
    `INSERT INTO application_goals (application_id, goal_id, position, contribution)
     SELECT a.id, g.id, CASE WHEN g.code = 'G' || (1 + a.reference_number % 4) THEN 1 ELSE 2 END, 'Serves it'
       FROM applications a JOIN development_plans p ON p.village_id = a.village_id JOIN plan_goals g ON g.plan_id = p.id
      WHERE g.code = 'G' || (1 + a.reference_number % 4) OR (a.reference_number % 3 = 0 AND g.code = 'G' || (1 + (a.reference_number + 1) % 4))`,
  );
  const [round] = await q(
    `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalized_at, created_by, summary)
     VALUES ($1, 1, 'Final round', 'finalized', '{"priorityCriterion": "plan"}', now() - interval '365 days', $2, now() - interval '369 days',
             now() - interval '366 days', now() - interval '365 days', $3, '{"calibratedDecides": false}') RETURNING id`,
    [c, 'ab'.repeat(32), proposer],
  );

  // Awards: the status follows the rank (5% each cancelled, declined, approved, proposed, completed).
  // Awards and their tranches in one transaction: the database checks that they add up at commit.
  await q('BEGIN');
  await q(
    `INSERT INTO awards (competition_id, application_id, round_id, rank, amount, requested, status, proposed_by, approved_by, approved_at, respond_by, responded_at, reason)
     SELECT $1, a.id, $2, a.reference_number, a.requested_amount, a.requested_amount, s.status, $3,
            CASE WHEN s.status <> 'proposed' THEN $4::uuid END, CASE WHEN s.status <> 'proposed' THEN now() - interval '360 days' END,
            CASE WHEN s.status <> 'proposed' THEN now() - interval '346 days' END,
            CASE WHEN s.status NOT IN ('proposed','approved') THEN now() - interval '350 days' END,
            CASE s.status WHEN 'cancelled' THEN 'The business closed' WHEN 'declined' THEN 'declined by the applicant' END
       FROM applications a,
            LATERAL (SELECT CASE a.reference_number % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'declined' WHEN 2 THEN 'approved' WHEN 3 THEN 'proposed'
                                                         WHEN 4 THEN 'completed' ELSE 'active' END AS status) s
      WHERE a.competition_id = $1`,
    [c, round.id, proposer, approver],
  );
  // Tranches 50/30/20; the first `paid` are paid: one when cancelled, three when completed, two or three when active.
  await q(
    `CREATE TEMP TABLE bench_awards AS
     SELECT id, amount, status, rank,
            CASE status WHEN 'cancelled' THEN 1 WHEN 'completed' THEN 3 WHEN 'active' THEN 2 + rank % 2 ELSE 0 END AS paid
       FROM awards WHERE competition_id = $1`,
    [c],
  );
  await q(
    `INSERT INTO tranches (award_id, position, label, report_required, due_days, due_at, amount, status, approved_by, approved_at)
     SELECT b.id, t.position, t.label, t.position > 1, t.due_days, CASE WHEN t.position > 1 THEN now() - interval '350 days' + make_interval(days => t.due_days) END,
            CASE t.position WHEN 1 THEN b.amount * 5000 / 10000 WHEN 2 THEN b.amount * 3000 / 10000 ELSE b.amount - b.amount * 5000 / 10000 - b.amount * 3000 / 10000 END,
            CASE WHEN t.position <= b.paid THEN 'paid' WHEN t.position = 1 AND b.status IN ('active','completed') THEN 'approved' ELSE 'planned' END,
            CASE WHEN t.position <= b.paid THEN $1::uuid END, CASE WHEN t.position <= b.paid THEN now() - interval '340 days' + make_interval(days => coalesce(t.due_days, 0)) END
       FROM bench_awards b,
            (VALUES (1, 'On signing', NULL::int), (2, 'Mid-term report', 180), (3, 'Final report', 365)) AS t(position, label, due_days)`,
    [approver],
  );
  await q('COMMIT');
  // Payments: one recorded per paid tranche; the rest of the count are failed attempts before them.
  await q(
    `CREATE TEMP TABLE bench_payments AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS transaction_id, t.id AS tranche_id, t.award_id, t.amount, 'recorded'::text AS status,
            NULL::uuid AS reversal_id, row_number() OVER (ORDER BY b.rank, t.position)::int AS seq, t.position
       FROM tranches t JOIN bench_awards b ON b.id = t.award_id WHERE t.status = 'paid'`,
  );
  const [{ recorded }] = await q(`SELECT count(*)::int AS recorded FROM bench_payments`);
  const failed = Math.max(0, payments - Number(recorded));
  if (failed > Number(recorded))
    throw new Error(`--payments ${payments} needs more than one failed attempt per paid tranche (${recorded} paid)`);
  await q(
    `INSERT INTO bench_payments (id, transaction_id, tranche_id, award_id, amount, status, reversal_id, seq, position)
     SELECT gen_random_uuid(), gen_random_uuid(), tranche_id, award_id, amount, 'failed', gen_random_uuid(), seq, position FROM bench_payments WHERE seq <= $1`,
    [failed],
  );

  // The ledger: accounts, then each kind of movement in the order the services post them, so the
  // triggers apply every entry and the balance checks hold at every step.
  await q(
    `INSERT INTO ledger_accounts (competition_id, kind) SELECT $1, kind FROM unnest(ARRAY['funding','budget','paid']) AS kind`,
    [c],
  );
  await q(
    `INSERT INTO ledger_accounts (competition_id, kind, award_id) SELECT $1, 'payable', id FROM bench_awards WHERE status <> 'proposed'`,
    [c],
  );
  await q(
    `CREATE TEMP TABLE bench_moves (transaction_id uuid, movement text, award_id uuid, amount bigint, step int, seq int)`,
  );
  await q(
    `INSERT INTO bench_moves SELECT gen_random_uuid(), 'opening', NULL, budget, 1, 0 FROM competitions WHERE id = $1`,
    [c],
  );
  await q(
    `INSERT INTO bench_moves SELECT gen_random_uuid(), 'commitment', id, amount, 2, rank FROM bench_awards WHERE status <> 'proposed'`,
  );
  await q(
    `INSERT INTO bench_moves SELECT gen_random_uuid(), 'release', id, amount, 3, rank FROM bench_awards WHERE status = 'declined'`,
  );
  await q(
    `INSERT INTO bench_moves SELECT transaction_id, 'payment', award_id, amount, 4, seq FROM bench_payments WHERE status = 'failed'`,
  );
  await q(
    `INSERT INTO bench_moves SELECT reversal_id, 'payment_reversal', award_id, amount, 5, seq FROM bench_payments WHERE status = 'failed'`,
  );
  await q(
    `INSERT INTO bench_moves SELECT transaction_id, 'payment', award_id, amount, 6, seq FROM bench_payments WHERE status = 'recorded'`,
  );
  await q(
    `INSERT INTO bench_moves SELECT gen_random_uuid(), 'release', b.id, b.amount - coalesce(sum(p.amount), 0), 7, b.rank
       FROM bench_awards b LEFT JOIN bench_payments p ON p.award_id = b.id AND p.status = 'recorded' WHERE b.status = 'cancelled' GROUP BY b.id, b.amount, b.rank`,
  );
  await q(
    `INSERT INTO ledger_transactions (id, competition_id, movement, award_id, reference, created_by)
     SELECT transaction_id, $1, movement, award_id, 'bench', $2 FROM bench_moves ORDER BY step, seq`,
    [c, finance],
  );
  const [{ steps }] = await q(`SELECT max(step)::int AS steps FROM bench_moves`);
  for (let step = 1; step <= Number(steps); step += 1) {
    // From-entry first, then the to-entry, as the ledger locks accounts (budget, payable, paid, funding).
    await q(
      `INSERT INTO ledger_entries (transaction_id, account_id, amount)
       SELECT m.transaction_id, CASE WHEN e.kind = 'payable' THEN pa.id ELSE ca.id END, e.amount
         FROM bench_moves m
         CROSS JOIN LATERAL (VALUES
           (1, CASE m.movement WHEN 'opening' THEN 'funding' WHEN 'commitment' THEN 'budget' WHEN 'payment_reversal' THEN 'paid' ELSE 'payable' END, -m.amount),
           (2, CASE m.movement WHEN 'opening' THEN 'budget' WHEN 'commitment' THEN 'payable' WHEN 'release' THEN 'budget' WHEN 'payment' THEN 'paid' ELSE 'payable' END, m.amount)
         ) AS e(ord, kind, amount)
         LEFT JOIN ledger_accounts pa ON pa.award_id = m.award_id
         LEFT JOIN ledger_accounts ca ON ca.competition_id = $1 AND ca.award_id IS NULL AND ca.kind = e.kind
        WHERE m.step = $2
        ORDER BY m.seq, e.ord`,
      [c, step],
    );
  }
  await q(
    `INSERT INTO payments (id, tranche_id, award_id, amount, bank_reference, paid_on, status, recorded_by, ledger_transaction_id, failed_at, failed_by, failure_reason, reversal_transaction_id)
     SELECT id, tranche_id, award_id, amount, 'BANK-' || left(id::text, 8), current_date - 300 + position * 90, status, $1, transaction_id,
            CASE WHEN status = 'failed' THEN now() - interval '200 days' END, CASE WHEN status = 'failed' THEN $1::uuid END,
            CASE WHEN status = 'failed' THEN 'returned by the bank' END, reversal_id
       FROM bench_payments ORDER BY seq, status DESC`,
    [finance],
  );
  // Milestone reports: approved for each paid report tranche (jobs growing); a pending one on the next tranche of every seventh award.
  await q(
    `INSERT INTO milestone_reports (tranche_id, award_id, body, jobs_created, status, submitted_by, reviewed_by, reviewed_at, created_at)
     SELECT t.id, t.award_id, 'Progress so far', (b.rank % 4) + t.position * 2, 'approved', ap.applicant_id, $1, now() - interval '300 days' + make_interval(days => t.position * 90),
            now() - interval '305 days' + make_interval(days => t.position * 90)
       FROM tranches t JOIN bench_awards b ON b.id = t.award_id JOIN awards aw ON aw.id = b.id JOIN applications ap ON ap.id = aw.application_id
      WHERE t.report_required AND t.status = 'paid'`,
    [approver],
  );
  await q(
    `INSERT INTO milestone_reports (tranche_id, award_id, body, jobs_created, status, submitted_by, created_at)
     SELECT t.id, t.award_id, 'Progress so far', 20, 'submitted', ap.applicant_id, now() - interval '5 days'
       FROM tranches t JOIN bench_awards b ON b.id = t.award_id JOIN awards aw ON aw.id = b.id JOIN applications ap ON ap.id = aw.application_id
      WHERE b.status = 'active' AND b.rank % 7 = 0 AND t.position = b.paid + 1`,
  );
  await q('DROP TABLE bench_awards, bench_payments, bench_moves');
  await q(
    'VACUUM (ANALYZE) applications, application_goals, plan_goals, villages, districts, awards, tranches, payments, milestone_reports, ledger_accounts, ledger_transactions, ledger_entries',
  );
  const [counts] = await q(
    `SELECT (SELECT count(*)::int FROM awards) AS awards, (SELECT count(*)::int FROM tranches) AS tranches,
            (SELECT count(*)::int FROM payments) AS payments, (SELECT count(*)::int FROM payments WHERE status = 'recorded') AS recorded,
            (SELECT count(*)::int FROM milestone_reports) AS "milestoneReports", (SELECT count(*)::int FROM application_goals) AS "applicationGoals",
            (SELECT count(*)::int FROM ledger_transactions) AS "ledgerTransactions", (SELECT count(*)::int FROM ledger_entries) AS "ledgerEntries"`,
  );
  return {
    competitionId: c,
    seconds: (performance.now() - started) / 1000,
    counts: counts as unknown as Record<string, number>,
  };
}

/**
 * The public side of the same data: a page of grants, the summary by district, the headline figures
 * (medians of 5), and the whole 360Giving export streamed once, with its size and the heap it took.
 */
async function benchOpenData(
  openData: OpenDataService,
  competitionId: string,
  medianOf: (work: () => Promise<unknown>) => Promise<number>,
) {
  const page = await openData.grants({ competitionId, limit: 100, offset: 0 });
  const byDistrict = await openData.summary({ by: 'district', competitionId, limit: 20, offset: 0 });
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let bytes = 0;
  let exported = 0;
  const [, exportMs] = await timed(() =>
    openData.threeSixtyGiving(competitionId, async (chunks) => {
      for await (const chunk of chunks) {
        bytes += Buffer.byteLength(chunk);
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        exported += chunk.split('"recipientIndividual"').length - 1;
      }
    }),
  );
  const summaryGrants = byDistrict.rows.reduce((n, r) => n + r.grants, 0);
  return {
    grantsPageMs: await medianOf(() => openData.grants({ competitionId, limit: 100, offset: 0 })),
    grantsPageLastMs: await medianOf(() =>
      openData.grants({ competitionId, limit: 100, offset: Math.max(0, page.total - 100) }),
    ),
    summaryByDistrictMs: await medianOf(() =>
      openData.summary({ by: 'district', competitionId, limit: 20, offset: 0 }),
    ),
    figuresMs: await medianOf(() => openData.figures({ competitionId })),
    threeSixtyGiving: {
      grants: exported,
      megabytes: +(bytes / 1e6).toFixed(1),
      ms: ms(exportMs),
      heapGrowthMb: +((peakHeap - heapBefore) / 1e6).toFixed(1),
    },
    checks: { ok: exported === page.total && summaryGrants === page.total, publicGrants: page.total, summaryGrants },
  };
}

export async function benchFundingReport(n: number): Promise<void> {
  const paymentsWanted = positiveOption('payments') ?? 3 * n;
  const benchStarted = performance.now();
  const { admin, name, url } = await createBenchDatabase('funding');
  const config = benchConfig(name, url);
  const seeder = new Client({ connectionString: config.databaseUrl });
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const dataSource = app.get(DataSource);
    await runMigrationsUnderLock(dataSource);
    await seeder.connect();
    const seeded = await seed(seeder, n, paymentsWanted);
    const reports = app.get(FundingReportsService);
    const id = seeded.competitionId;

    // The per-district statement as the repository sends it, caught once, for EXPLAIN.
    const caught: { sql?: string; params?: unknown[] } = {};
    const query = dataSource.query.bind(dataSource);
    dataSource.query = (async (sql: string, params?: unknown[]) => {
      if (/GROUP BY/.test(sql) && !caught.sql) Object.assign(caught, { sql, params });
      return query(sql, params);
    }) as DataSource['query'];
    const districtRuns: number[] = [];
    let byDistrict = await reports.breakdown(id, 'district');
    for (let i = 0; i < RUNS; i += 1) {
      const [result, took] = await timed(() => reports.breakdown(id, 'district'));
      byDistrict = result;
      districtRuns.push(took);
    }
    dataSource.query = query;
    const medianOf = async (work: () => Promise<unknown>) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push((await timed(work))[1]);
      return ms(median(runs));
    };
    const [byVillage] = await timed(() => reports.breakdown(id, 'village'));
    const [byGoal] = await timed(() => reports.breakdown(id, 'goal'));
    const [budget] = await timed(() => reports.budget(id));
    const others = {
      byVillageMs: await medianOf(() => reports.breakdown(id, 'village')),
      byGoalMs: await medianOf(() => reports.breakdown(id, 'goal')),
      budgetMs: await medianOf(() => reports.budget(id)),
      byDistrictCsvMs: await medianOf(async () => reports.csv(await reports.breakdown(id, 'district'), 'kk')),
    };
    const openData = await benchOpenData(app.get(OpenDataService), id, medianOf);
    const plan = (
      await seeder.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${caught.sql}`, caught.params)
    ).rows.map((r) => r['QUERY PLAN']);

    const sum = (rows: { committed: string; paid: string; grants: number; jobsCreated: number }[]) => ({
      grants: rows.reduce((s, r) => s + r.grants, 0),
      committed: rows.reduce((s, r) => s + BigInt(r.committed), 0n).toString(),
      paid: rows.reduce((s, r) => s + BigInt(r.paid), 0n).toString(),
      jobsCreated: rows.reduce((s, r) => s + r.jobsCreated, 0),
    });
    const districts = sum(byDistrict.rows);
    const ok =
      budget.consistent &&
      districts.committed === budget.committed &&
      districts.paid === budget.paid &&
      byDistrict.rows.length === DISTRICTS &&
      byVillage.rows.length <= DISTRICTS * VILLAGES_PER_DISTRICT &&
      seeded.counts.awards === n &&
      seeded.counts.payments === paymentsWanted &&
      openData.checks.ok;

    console.log(
      JSON.stringify(
        {
          bench: 'funding-report',
          n,
          seeded: { ...seeded.counts, seconds: +seeded.seconds.toFixed(1) },
          byDistrict: {
            medianMs: ms(median(districtRuns)),
            runsMs: districtRuns.map(ms),
            rows: byDistrict.rows.length,
            totals: districts,
            first: byDistrict.rows[0],
          },
          othersMedianMs: others,
          rows: { villages: byVillage.rows.length, goals: byGoal.rows.length },
          budget,
          openData,
          byDistrictPlan: plan
            .filter((line) => /Scan|Join|Loop|Aggregate|Sort|Hash|Execution Time|Planning Time/.test(line))
            .map((line) => line.replace(/\s+$/, '')),
          checks: {
            ok,
            consistent: budget.consistent,
            districtsAddUp: districts.committed === budget.committed && districts.paid === budget.paid,
          },
          totalSeconds: +((performance.now() - benchStarted) / 1000).toFixed(1),
        },
        null,
        2,
      ),
    );
    if (!ok) throw new Error('funding report benchmark checks failed (see checks above)');
  } finally {
    await app?.close();
    await seeder.end().catch(() => undefined);
    await dropBenchDatabase(admin, name, config);
  }
}
