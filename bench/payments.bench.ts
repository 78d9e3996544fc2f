/**
 * Ledger throughput: payments recorded per second through HTTP with idempotency keys.
 *
 * 1. A throwaway migrated database, seeded with set-based SQL: N applicants and awarded applications
 *    in a closed competition, N awards `accepted` as the grantee's acceptance leaves them (the signing
 *    tranche approved by the award's approver, the report tranches planned), and the ledger opened
 *    with each award committed (opening and commitments posted through the ledger's triggers).
 *    `--tranches 2|3` approves the report tranches too (without reports: payments do not look at
 *    them), so several payments of one award queue on its lock and the last one completes it.
 * 2. The real api (AppModule + configureApp) on an ephemeral port; a finance user logs in over
 *    HTTP. Every approved tranche is paid with POST /api/tranches/:id/payments by C concurrent clients,
 *    each request with a fresh Idempotency-Key: payments/s, latency p50/p95/p99/max, outcomes by status.
 * 3. 1,000 of those requests sent again with the same keys and bodies: replays/s, each a 201 with
 *    `Idempotent-Replayed: true` and the first payment's id, and no second payment (payments rows,
 *    ledger payment transactions, the ledger's paid balance and the grantee mails before and after).
 * 4. Checks: GET /api/competitions/:id/reports/budget is consistent and its paid equals the sum of the
 *    recorded payments and the ledger's paid balance; every approved tranche is paid; audit chain valid.
 *
 * HTTP load comes from Node's own fetch with a fixed number of workers, in the api's process.
 *
 *   npm run bench -- payments [--n 2000] [--concurrency 16] [--tranches 1] [--replays 1000]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { AuditService } from '../src/modules/audit/audit.service';
import { UsersService } from '../src/modules/users/users.service';
import { benchConfig, createBenchDatabase, dropBenchDatabase } from './bench-database';
import { option } from './options';

const VILLAGES = 10;
/** Awards of 500,000..5,000,000 tenge in tiyn; the budget covers every commitment at once. */
const MIN_AWARD = 50_000_000n;
const MAX_AWARD = 500_000_000n;
const PASSWORD = 'bench-password-1';

const ms = (value: number) => +value.toFixed(1);

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: ms(at(0.5)), p95: ms(at(0.95)), p99: ms(at(0.99)), max: ms(sorted[sorted.length - 1] ?? 0) };
}

/** Sends every item with at most `concurrency` in flight; `send` answers an outcome label (`201`, `409 PAYMENT.…`). */
async function drive<T>(items: readonly T[], concurrency: number, send: (item: T) => Promise<string>) {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      const t0 = performance.now();
      const outcome = await send(item).catch((error: unknown) =>
        (error instanceof Error ? error.message : String(error)).slice(0, 120),
      );
      latencies.push(performance.now() - t0);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: items.length,
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(items.length / seconds),
    outcomes,
    latencyMs: percentiles(latencies),
  };
}

/** N accepted awards of one closed competition with the first `approved` tranches approved, and the ledger committed to them. */
async function seed(db: Client, n: number, approved: number): Promise<{ competitionId: string; seconds: number }> {
  const started = performance.now();
  const q = async (sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).rows as Record<string, string>[];
  await q('SELECT setseed(0.2026)');
  const [region] = await q(`INSERT INTO regions (name) VALUES ('Bench region') RETURNING id`);
  const [district] = await q(`INSERT INTO districts (region_id, name) VALUES ($1, 'Bench district') RETURNING id`, [
    region.id,
  ]);
  await q(
    `INSERT INTO villages (district_id, name) SELECT $1, 'Bench village ' || lpad(v::text, 2, '0') FROM generate_series(1, $2::int) AS v`,
    [district.id, VILLAGES],
  );
  const [proposer, approver] = await q(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, email_confirmed_at)
     VALUES ('bench-manager-1@example.kz', 'not-a-hash', 'Bench Manager 1', 'ru', '{manager}', now()),
            ('bench-manager-2@example.kz', 'not-a-hash', 'Bench Manager 2', 'ru', '{manager}', now()) RETURNING id`,
  );
  await q(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'applicant-' || lpad(i::text, 7, '0') || '@example.kz', 'not-a-hash', 'Applicant ' || i, 'kk', '{applicant}', v.ids[1 + i % cardinality(v.ids)], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [n],
  );
  const [{ id: c }] = await q(
    `INSERT INTO competitions (code, title, description, budget, min_award, max_award, min_own_share_bp, opens_at, closes_at, status, opened_at, closed_at, created_by)
     VALUES ('BENCHPAY', 'Bench competition 2026', 'Payments benchmark', $1, $2, $3, 1000, now() - interval '120 days', now() - interval '90 days', 'closed',
             now() - interval '120 days', now() - interval '90 days', $4) RETURNING id`,
    [(MAX_AWARD * BigInt(n)).toString(), MIN_AWARD.toString(), MAX_AWARD.toString(), proposer.id],
  );
  await q(
    `INSERT INTO applications (competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, sector,
                               requested_amount, own_contribution, jobs_created, created_by, submitted_at)
     SELECT $1, u.id, u.home_village_id, 'awarded', 'SU-BENCHPAY-2026-' || lpad(u.rn::text, 5, '0'), u.rn, 'Bench project ' || u.rn, 'A small business',
            (ARRAY['agriculture','tourism','crafts','services','trade','processing','other'])[1 + u.rn % 7],
            $2::bigint + floor(random() * 451)::bigint * 1000000, 10000000, 1 + u.rn % 5, u.id, now() - interval '100 days'
       FROM (SELECT id, home_village_id, row_number() OVER (ORDER BY email)::int AS rn FROM users WHERE roles = '{applicant}') AS u`,
    [c, MIN_AWARD.toString()],
  );
  const [round] = await q(
    `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalized_at, created_by, summary)
     VALUES ($1, 1, 'Final round', 'finalized', '{"priorityCriterion": "plan"}', now() - interval '60 days', $2, now() - interval '89 days',
             now() - interval '61 days', now() - interval '60 days', $3, '{"calibratedDecides": false}') RETURNING id`,
    [c, 'ab'.repeat(32), proposer.id],
  );
  // Awards and their tranches in one transaction: the database checks that they add up at commit.
  // As acceptance leaves them (TranchesRepository.startSchedule): signing tranche approved by the award's approver, reports due.
  await q('BEGIN');
  await q(
    `INSERT INTO awards (competition_id, application_id, round_id, rank, amount, requested, status, proposed_by, approved_by, approved_at, respond_by, responded_at)
     SELECT $1, a.id, $2, a.reference_number, a.requested_amount, a.requested_amount, 'accepted', $3, $4,
            now() - interval '45 days', now() - interval '31 days', now() - interval '30 days'
       FROM applications a WHERE a.competition_id = $1`,
    [c, round.id, proposer.id, approver.id],
  );
  await q(
    `INSERT INTO tranches (award_id, position, label, report_required, due_days, due_at, amount, status, approved_by, approved_at)
     SELECT w.id, t.position, t.label, t.position > 1, t.due_days, now() - interval '30 days' + make_interval(days => t.due_days),
            CASE t.position WHEN 1 THEN w.amount * 5000 / 10000 WHEN 2 THEN w.amount * 3000 / 10000 ELSE w.amount - w.amount * 5000 / 10000 - w.amount * 3000 / 10000 END,
            CASE WHEN t.position <= $3 THEN 'approved' ELSE 'planned' END, CASE WHEN t.position <= $3 THEN $2::uuid END, CASE WHEN t.position <= $3 THEN now() - interval '30 days' END
       FROM awards w, (VALUES (1, 'On signing', NULL::int), (2, 'Mid-term report', 180), (3, 'Final report', 365)) AS t(position, label, due_days)
      WHERE w.competition_id = $1`,
    [c, approver.id, approved],
  );
  await q('COMMIT');
  // The ledger as LedgerService leaves it: opening, then a commitment per award; from-entry first, then the to-entry.
  await q(
    `INSERT INTO ledger_accounts (competition_id, kind) SELECT $1, kind FROM unnest(ARRAY['funding','budget','paid']) AS kind`,
    [c],
  );
  await q(
    `INSERT INTO ledger_accounts (competition_id, kind, award_id) SELECT $1, 'payable', id FROM awards WHERE competition_id = $1`,
    [c],
  );
  await q(
    `CREATE TEMP TABLE bench_moves AS
     SELECT gen_random_uuid() AS transaction_id, 'opening'::text AS movement, NULL::uuid AS award_id, budget AS amount, 0 AS seq FROM competitions WHERE id = $1
     UNION ALL SELECT gen_random_uuid(), 'commitment', id, amount, rank FROM awards WHERE competition_id = $1`,
    [c],
  );
  await q(
    `INSERT INTO ledger_transactions (id, competition_id, movement, award_id, reference, created_by)
     SELECT transaction_id, $1, movement, award_id, 'bench', $2 FROM bench_moves ORDER BY seq`,
    [c, approver.id],
  );
  for (const [movement, from, to] of [
    ['opening', 'funding', 'budget'],
    ['commitment', 'budget', 'payable'],
  ]) {
    await q(
      `INSERT INTO ledger_entries (transaction_id, account_id, amount)
       SELECT m.transaction_id, CASE WHEN e.kind = 'payable' THEN pa.id ELSE ca.id END, e.amount
         FROM bench_moves m CROSS JOIN LATERAL (VALUES (1, $3::text, -m.amount), (2, $4::text, m.amount)) AS e(ord, kind, amount)
         LEFT JOIN ledger_accounts pa ON pa.award_id = m.award_id
         LEFT JOIN ledger_accounts ca ON ca.competition_id = $1 AND ca.award_id IS NULL AND ca.kind = e.kind
        WHERE m.movement = $2 ORDER BY m.seq, e.ord`,
      [c, movement, from, to],
    );
  }
  await q('DROP TABLE bench_moves');
  await q(
    'VACUUM (ANALYZE) users, applications, awards, tranches, ledger_accounts, ledger_transactions, ledger_entries',
  );
  return { competitionId: c, seconds: (performance.now() - started) / 1000 };
}

/** What a payment changes, counted in one snapshot. */
async function books(db: Client, competitionId: string) {
  const [row] = (
    await db.query<{
      payments: number;
      recorded: string;
      ledgerPaid: string;
      ledgerPayments: number;
      mails: number;
      keys: number;
      approved: number;
      paidTranches: number;
    }>(
      `SELECT (SELECT count(*)::int FROM payments) AS payments, (SELECT coalesce(sum(amount), 0)::text FROM payments WHERE status = 'recorded') AS recorded,
              (SELECT balance::text FROM ledger_accounts WHERE competition_id = $1 AND kind = 'paid') AS "ledgerPaid",
              (SELECT count(*)::int FROM ledger_transactions WHERE movement = 'payment') AS "ledgerPayments",
              (SELECT count(*)::int FROM notifications WHERE type = 'payment.recorded') AS mails, (SELECT count(*)::int FROM idempotency_keys) AS keys,
              (SELECT count(*)::int FROM tranches WHERE status = 'approved') AS approved, (SELECT count(*)::int FROM tranches WHERE status = 'paid') AS "paidTranches"`,
      [competitionId],
    )
  ).rows;
  return row;
}

export async function benchPayments(n: number): Promise<void> {
  const concurrency = option('concurrency', 16);
  const approvedPerAward = option('tranches', 1);
  const replays = option('replays', 1000);
  if (approvedPerAward > 3) throw new Error('--tranches must be 1, 2 or 3');
  const benchStarted = performance.now();
  const { admin, name, url } = await createBenchDatabase('payments');
  const config = benchConfig(name, url, { ACCESS_TOKEN_TTL_SECONDS: '3600' });
  const db = new Client({ connectionString: config.databaseUrl });
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
    configureApp(app);
    await runMigrationsUnderLock(app.get(DataSource));
    await db.connect();
    const seeded = await seed(db, n, approvedPerAward);
    const c = seeded.competitionId;
    await app.get(UsersService).create(
      {
        email: 'bench-finance@example.kz',
        password: PASSWORD,
        fullName: 'Bench Finance',
        preferredLanguage: 'ru',
        roles: ['finance'],
      },
      null,
    );
    await app.listen(0, '127.0.0.1');
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench-finance@example.kz', password: PASSWORD }),
    });
    if (login.status !== 200 && login.status !== 201)
      throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    // Yesterday in the programme's time zone: after every acceptance (30 days ago), never in the future even across midnight.
    const [{ paidOn }] = (
      await db.query<{ paidOn: string }>(
        `SELECT to_char((now() AT TIME ZONE $1)::date - 1, 'YYYY-MM-DD') AS "paidOn"`,
        [config.mailTimeZone],
      )
    ).rows;
    const tranches = (
      await db.query<{ id: string }>(
        `SELECT t.id FROM tranches t JOIN awards a ON a.id = t.award_id WHERE t.status = 'approved' ORDER BY a.rank, t.position`,
      )
    ).rows;
    const requests = tranches.map((t, i) => ({
      trancheId: t.id,
      key: randomUUID(),
      body: JSON.stringify({ bankReference: `PP-${String(i + 1).padStart(7, '0')}`, paidOn }),
      paymentId: '',
    }));
    const post = (r: (typeof requests)[number]) =>
      fetch(`${origin}/api/tranches/${r.trancheId}/payments`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': r.key },
        body: r.body,
      });
    const before = await books(db, c);

    // 1. Every approved tranche paid once, fresh keys.
    const payments = await drive(requests, concurrency, async (r) => {
      const res = await post(r);
      const body = (await res.json()) as { id?: string; code?: string };
      if (res.status === 201 && body.id) r.paymentId = body.id;
      return res.status === 201 ? '201' : `${res.status} ${body.code ?? ''}`;
    });
    const afterPay = await books(db, c);

    // 2. Replays: the same key and body, spread over the run; each must answer the first payment.
    const paid = requests.filter((r) => r.paymentId);
    const sample = Array.from(
      { length: Math.min(replays, paid.length) },
      (_, i) => paid[Math.floor((i * paid.length) / Math.min(replays, paid.length))],
    );
    const replay = await drive(sample, concurrency, async (r) => {
      const res = await post(r);
      const body = (await res.json()) as { id?: string; code?: string };
      if (res.status !== 201) return `${res.status} ${body.code ?? ''}`;
      if (res.headers.get('idempotent-replayed') !== 'true') return '201 not marked replayed';
      return body.id === r.paymentId ? '201 replayed' : '201 another payment';
    });
    const afterReplay = await books(db, c);

    // 3. The books.
    const report = await fetch(`${origin}/api/competitions/${c}/reports/budget`, { headers: auth });
    const budget = (await report.json()) as {
      consistent: boolean;
      paid: string;
      payable: string;
      committed: string;
      fromLedger: { paid: string };
    };
    const audit = await app.get(AuditService).verify();
    const awardsNow = (
      await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM awards GROUP BY status`)
    ).rows;
    const noSecondPayment = ['payments', 'recorded', 'ledgerPaid', 'ledgerPayments', 'mails', 'keys'].every(
      (k) => afterReplay[k as keyof typeof afterReplay] === afterPay[k as keyof typeof afterPay],
    );
    const checks = {
      allPaid:
        payments.outcomes['201'] === requests.length &&
        afterPay.paidTranches === requests.length &&
        afterPay.approved === 0,
      onePaymentEach:
        afterPay.payments === requests.length &&
        afterPay.ledgerPayments === requests.length &&
        afterPay.mails === requests.length,
      replaysAnswered: replay.outcomes['201 replayed'] === sample.length,
      noSecondPayment,
      // The first payment activates an accepted award; paying its last tranche completes it.
      awardsMoved:
        awardsNow.length === 1 &&
        awardsNow[0].status === (approvedPerAward === 3 ? 'completed' : 'active') &&
        awardsNow[0].n === n,
      budgetConsistent: report.status === 200 && budget.consistent === true,
      paidIsSumOfPayments:
        budget.paid === afterReplay.recorded &&
        budget.fromLedger?.paid === afterReplay.ledgerPaid &&
        afterReplay.ledgerPaid === afterReplay.recorded,
      auditChainValid: audit.valid,
    };
    const ok = Object.values(checks).every(Boolean);

    console.log(
      JSON.stringify(
        {
          bench: 'payments',
          n,
          concurrency,
          approvedTranchesPerAward: approvedPerAward,
          apiPoolSize: config.databasePoolSize,
          client: 'Node fetch (undici), fixed concurrency, same process as the api',
          seeded: { awards: n, approvedTranches: before.approved, seconds: +seeded.seconds.toFixed(1) },
          awardsAfter: Object.fromEntries(awardsNow.map((a) => [a.status, a.n])),
          pay: payments,
          replay: { ...replay, before: afterPay, after: afterReplay },
          budget: { status: report.status, ...budget },
          checks: { ok, ...checks },
          totalSeconds: +((performance.now() - benchStarted) / 1000).toFixed(1),
        },
        null,
        2,
      ),
    );
    if (!ok) throw new Error('payments benchmark checks failed (see checks above)');
  } finally {
    await app?.close();
    await db.end().catch(() => undefined);
    await dropBenchDatabase(admin, name, config);
  }
}
