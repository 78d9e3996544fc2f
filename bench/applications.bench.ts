/**
 * Application intake under load, against a real api started in this process:
 *
 * 1. N applicants submit a complete draft each, C at a time, through HTTP (POST /applications/:id/submit).
 * 2. The same submissions done straight with `pg` at the same concurrency, in transactions that run
 *    the statements the submission service runs (the reads that check the rules included), and again
 *    with only the writes (lock, reference counter, snapshot, status, history, outbox, audit).
 * 3. The staff listing (GET /competitions/:id/applications) with 100,000 submitted applications in one
 *    competition: sequential requests, p50/p95/max per query.
 *
 * HTTP load comes from Node's own fetch with a fixed number of workers (no extra dependency).
 *
 *   npm run bench -- applications [--n 500] [--concurrency 50] [--rows 100000] [--requests 200]
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AccessTokens } from '../src/common/auth/access-tokens';
import { configureApp } from '../src/configure-app';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { referenceFor, SECTORS } from '../src/modules/applications/domain/application-status';
import { submissionProblems } from '../src/modules/applications/domain/submission-rules';
import { AuditService } from '../src/modules/audit/audit.service';
import { auditHash, toJson } from '../src/modules/audit/domain/audit-hash';
import { CompetitionLifecycleService } from '../src/modules/competitions/competition-lifecycle.service';
import { CompetitionsService } from '../src/modules/competitions/competitions.service';
import { CreateCompetitionDto } from '../src/modules/competitions/dto/competition.dto';
import { GeographyService } from '../src/modules/geography/geography.service';
import { PlansService } from '../src/modules/plans/plans.service';
import { UsersService } from '../src/modules/users/users.service';
import { benchConfig, clearBenchRedis, createBenchDatabase } from './bench-database';

const DAY = 24 * 3600 * 1000;
const VILLAGES = 20;
const DISTRICTS = 4;
const GOALS_PER_PLAN = 3;
/** Titles of the seeded listing rows; "smoke" (the text search) is in about one in twelve. */
const PHRASES = [
  'Guest house by the sea',
  'Bakery "Nan"',
  'Fish smokehouse',
  'Sewing workshop',
  'Greenhouse vegetables',
  'Car repair shop',
  'Felt crafts studio',
  'Dairy processing',
  'Apiary and honey',
  'Mini hotel',
  'Қонақ үй',
  'Pharmacy kiosk',
];

/** `--name value` from the command line, as a positive integer. */
function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Runs `work` over every item with at most `concurrency` in flight. */
async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

const ms = (value: number) => +value.toFixed(1);

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return { p50: ms(at(0.5)), p95: ms(at(0.95)), max: ms(sorted[sorted.length - 1]) };
}

interface Draft {
  id: string;
  applicantId: string;
  villageId: string;
  goalId: string;
  token: string;
}

interface Phase {
  seconds: number;
  perSecond: number;
  ok: number;
  failures: Record<string, number>;
  latencyMs: { p50: number; p95: number; max: number };
}

/** Times a batch of operations; each returns an outcome label ('ok' or what went wrong). */
async function timed(drafts: Draft[], concurrency: number, submit: (draft: Draft) => Promise<string>): Promise<Phase> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  const started = performance.now();
  await eachConcurrently(drafts, concurrency, async (draft) => {
    const t0 = performance.now();
    let outcome: string;
    try {
      outcome = await submit(draft);
    } catch (error) {
      outcome = error instanceof Error ? error.message.slice(0, 120) : String(error);
    }
    latencies.push(performance.now() - t0);
    if (outcome === 'ok') ok += 1;
    else failures[outcome] = (failures[outcome] ?? 0) + 1;
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(drafts.length / seconds),
    ok,
    failures,
    latencyMs: percentiles(latencies),
  };
}

/** A complete application (test/applications.e2e-spec.ts): 2,000,000 tenge asked, 500,000 own (20%). */
export const completeDraft = (goalId: string, i: number) => ({
  title: `Guest house by the sea #${i}`,
  summary: 'Four rooms for visitors to the coast',
  description: 'Renovate a family house into a guest house.',
  sector: 'tourism',
  goals: [{ goalId, contribution: 'Brings visitors and work to the village' }],
  requestedAmount: '200000000',
  ownContribution: '50000000',
  budgetLines: [
    { category: 'renovation', description: 'Rooms', amount: '150000000', source: 'grant' },
    { category: 'equipment', amount: '50000000', source: 'grant' },
    { category: 'furniture', amount: '50000000', source: 'own' },
  ],
  jobsCreated: 3,
  plannedStart: '2027-04-01',
  durationMonths: 12,
});

interface AppRow {
  id: string;
  competition_id: string;
  applicant_id: string;
  village_id: string;
  status: string;
  reference: string | null;
  title: string;
  summary: string;
  description: string;
  sector: string;
  requested_amount: string;
  own_contribution: string;
  jobs_created: number;
  planned_start: string | null;
  duration_months: number | null;
  assisted: boolean;
}

interface FullRow extends AppRow {
  goal_id: string | null;
  contribution: string | null;
  budget_category: string | null;
  budget_description: string | null;
  budget_amount: string | null;
  budget_source: 'grant' | 'own' | null;
}

/** Columns of the application row, as the entity loads them (every column). */
const APP_COLUMNS = `a.id, a.competition_id, a.applicant_id, a.village_id, a.village_reason, a.status, a.reference, a.reference_number, a.title,
  a.summary, a.description, a.sector, a.requested_amount, a.own_contribution, a.jobs_created, a.planned_start, a.duration_months, a.assisted,
  a.created_by, a.submitted_at, a.withdrawn_at, a.withdraw_reason, a.screening_reason, a.screening_note, a.screened_by, a.screened_at,
  a.created_at, a.updated_at`;

/**
 * What findFull reads: the application with its goals and budget lines, in position order. TypeORM
 * sends two statements for it (the distinct ids of the page of one, then the rows), so this does too.
 */
async function loadFull(db: PoolClient, id: string) {
  await db.query(
    `SELECT DISTINCT a.id, g.position, b.position FROM applications a
       LEFT JOIN application_goals g ON g.application_id = a.id
       LEFT JOIN budget_lines b ON b.application_id = a.id
      WHERE a.id = $1 ORDER BY g.position ASC, b.position ASC LIMIT 1`,
    [id],
  );
  const { rows } = await db.query<FullRow>(
    `SELECT ${APP_COLUMNS}, g.goal_id, g.contribution, b.category AS budget_category, b.description AS budget_description,
            b.amount AS budget_amount, b.source AS budget_source
       FROM applications a
       LEFT JOIN application_goals g ON g.application_id = a.id
       LEFT JOIN budget_lines b ON b.application_id = a.id
      WHERE a.id = $1
      ORDER BY g.position ASC, b.position ASC`,
    [id],
  );
  const first = rows[0];
  const goals = [
    ...new Map(
      rows
        .filter((r) => r.goal_id)
        .map((r) => [r.goal_id!, { goalId: r.goal_id!, contribution: r.contribution ?? '' }]),
    ).values(),
  ];
  const lines = rows
    .filter((r) => r.goal_id === first.goal_id && r.budget_amount !== null)
    .map((r) => ({
      category: r.budget_category!,
      description: r.budget_description ?? '',
      amount: BigInt(r.budget_amount!),
      source: r.budget_source!,
    }));
  return { row: first, goals, lines };
}

const auditView = (a: AppRow, status: string, reference: string | null, goalIds: string[]) => ({
  competitionId: a.competition_id,
  villageId: a.village_id,
  status,
  reference,
  sector: a.sector,
  requestedAmount: BigInt(a.requested_amount),
  ownContribution: BigInt(a.own_contribution),
  goalIds,
  assisted: a.assisted,
});

/** The audit service's record(): lock the chain head, hash, append, move the head. */
async function appendAudit(
  db: PoolClient,
  entry: { actorId: string; action: string; entityId: string; before: unknown; after: unknown },
): Promise<void> {
  const { rows } = await db.query<{ seq: string; hash: string; now: Date }>(
    `SELECT seq, hash, date_trunc('milliseconds', clock_timestamp()) AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
  );
  const head = rows[0];
  const seq = BigInt(head.seq) + 1n;
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const event = {
    seq,
    occurredAt: head.now,
    actorId: entry.actorId,
    action: entry.action,
    entityType: 'application',
    entityId: entry.entityId,
    before,
    after,
    prevHash: head.hash,
  };
  const hash = auditHash(event);
  await db.query(
    `INSERT INTO audit_events (seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      seq.toString(),
      head.now,
      entry.actorId,
      entry.action,
      'application',
      entry.entityId,
      JSON.stringify(before),
      JSON.stringify(after),
      head.hash,
      hash,
    ],
  );
  await db.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq.toString(), hash]);
}

async function insertOutbox(
  db: PoolClient,
  recipientId: string,
  data: Record<string, unknown>,
  dedupeKey: string,
): Promise<void> {
  await db.query(
    `INSERT INTO notifications (recipient_id, type, data, dedupe_key)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[])
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [[recipientId], ['application.submitted'], [JSON.stringify(data)], [dedupeKey]],
  );
}

async function inTransaction(pool: Pool, work: (db: PoolClient) => Promise<string>): Promise<string> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const outcome = await work(db);
    await db.query(outcome === 'ok' ? 'COMMIT' : 'ROLLBACK');
    return outcome;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

/**
 * ApplicationSubmissionService.submit with pg: the same statements in the same order (row lock,
 * full read, applicant lock, competition, the rule reads, counter, snapshot, status, history,
 * outbox, full read again, audit), the same pure rule check, none of Nest, TypeORM or HTTP.
 */
async function submitMirrored(pool: Pool, draft: Draft): Promise<string> {
  return inTransaction(pool, async (db) => {
    await db.query(`SELECT ${APP_COLUMNS} FROM applications a WHERE a.id = $1 FOR UPDATE`, [draft.id]);
    const { row: a, goals, lines } = await loadFull(db, draft.id);
    if (a.applicant_id !== draft.applicantId || a.status !== 'draft') return 'not a draft';
    const applicant = await db.query<{ emailConfirmed: boolean }>(
      `SELECT 'applicant' = ANY(roles) AS "isApplicant", home_village_id AS "homeVillageId",
              email_confirmed_at IS NOT NULL AS "emailConfirmed", full_name AS "fullName"
         FROM users WHERE id = $1 AND active FOR NO KEY UPDATE`,
      [a.applicant_id],
    );
    if (!applicant.rows[0]?.emailConfirmed) return 'email not confirmed';
    const { rows: competitions } = await db.query<{
      status: string;
      code: string;
      title: string;
      year: number;
      minAward: string;
      maxAward: string;
      minOwnShareBp: number;
      max: number;
      notYetOpen: boolean;
      closed: boolean;
    }>(
      `SELECT id, status, code, title, EXTRACT(YEAR FROM opens_at)::int AS year, min_award AS "minAward", max_award AS "maxAward",
              min_own_share_bp AS "minOwnShareBp", max_applications_per_applicant AS max,
              now() < opens_at AS "notYetOpen", now() >= closes_at AS closed
         FROM competitions WHERE id = $1`,
      [a.competition_id],
    );
    const competition = competitions[0];
    if (competition.status !== 'open' || competition.closed || competition.notYetOpen) return 'competition not open';
    const adopted = await db.query<{ id: string }>(
      `SELECT g.id FROM plan_goals g JOIN development_plans p ON p.id = g.plan_id WHERE p.village_id = $1 AND p.status = 'adopted'`,
      [a.village_id],
    );
    const eligible = await db.query(
      'SELECT 1 FROM competition_villages WHERE competition_id = $1 AND village_id = $2',
      [a.competition_id, a.village_id],
    );
    const others = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM applications WHERE competition_id = $1 AND applicant_id = $2 AND status <> 'withdrawn' AND ($3::uuid IS NULL OR id <> $3)`,
      [a.competition_id, a.applicant_id, a.id],
    );
    const problems = submissionProblems({
      title: a.title,
      summary: a.summary,
      requestedAmount: BigInt(a.requested_amount),
      ownContribution: BigInt(a.own_contribution),
      budgetLines: lines.map((l) => ({ amount: l.amount, source: l.source })),
      goalIds: goals.map((g) => g.goalId),
      adoptedGoalIds: new Set(adopted.rows.map((r) => r.id)),
      villageEligible: (eligible.rowCount ?? 0) > 0,
      minAward: BigInt(competition.minAward),
      maxAward: BigInt(competition.maxAward),
      minOwnShareBp: competition.minOwnShareBp,
      otherApplications: Number(others.rows[0].n),
      maxApplicationsPerApplicant: competition.max,
    });
    if (problems.length > 0) return `invalid: ${problems.map((p) => p.field).join(',')}`;

    const number = await nextReference(db, a.competition_id);
    const reference = referenceFor(competition.code, competition.year, number);
    const village = await db.query<{ name: string }>('SELECT name FROM villages WHERE id = $1', [a.village_id]);
    const villageName = village.rows[0]?.name ?? '';
    await db.query('INSERT INTO application_snapshots (application_id, content) VALUES ($1, $2)', [
      a.id,
      JSON.stringify({
        reference,
        competitionId: a.competition_id,
        villageId: a.village_id,
        villageName,
        title: a.title,
        summary: a.summary,
        description: a.description,
        sector: a.sector,
        goals,
        requestedAmount: a.requested_amount,
        ownContribution: a.own_contribution,
        budgetLines: lines.map((l) => ({ ...l, amount: l.amount.toString() })),
        jobsCreated: a.jobs_created,
        plannedStart: a.planned_start,
        durationMonths: a.duration_months,
      }),
    ]);
    const submittedAt = new Date();
    const moved = await db.query(
      `UPDATE applications SET reference = $1, reference_number = $2, submitted_at = $3, status = 'submitted', updated_at = CURRENT_TIMESTAMP
        WHERE id = $4 AND status IN ('draft')`,
      [reference, number, submittedAt, a.id],
    );
    if (moved.rowCount !== 1) return 'wrong status';
    await db.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id, reason) VALUES ($1, 'draft', 'submitted', $2, NULL) RETURNING id, at`,
      [a.id, draft.applicantId],
    );
    await insertOutbox(
      db,
      a.applicant_id,
      {
        applicationId: a.id,
        reference,
        applicationTitle: a.title,
        competitionTitle: competition.title,
        villageName,
        requestedAmount: a.requested_amount,
        ownContribution: a.own_contribution,
        submittedAt: submittedAt.toISOString(),
      },
      `application.submitted:${a.id}`,
    );
    await loadFull(db, a.id);
    const goalIds = goals.map((g) => g.goalId);
    await appendAudit(db, {
      actorId: draft.applicantId,
      action: 'application.submitted',
      entityId: a.id,
      before: auditView(a, 'draft', null, goalIds),
      after: auditView(a, 'submitted', reference, goalIds),
    });
    return 'ok';
  });
}

/** Only the writes a submission makes, after the row lock: no rule reads, no reloads. */
async function submitWritesOnly(
  pool: Pool,
  draft: Draft,
  competition: { code: string; year: number },
): Promise<string> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<AppRow>(`SELECT ${APP_COLUMNS} FROM applications a WHERE a.id = $1 FOR UPDATE`, [
      draft.id,
    ]);
    const a = rows[0];
    if (a.status !== 'draft') return 'not a draft';
    const number = await nextReference(db, a.competition_id);
    const reference = referenceFor(competition.code, competition.year, number);
    const body = completeDraft(draft.goalId, 0);
    await db.query('INSERT INTO application_snapshots (application_id, content) VALUES ($1, $2)', [
      a.id,
      JSON.stringify({ ...body, reference, competitionId: a.competition_id, villageId: a.village_id, title: a.title }),
    ]);
    const submittedAt = new Date();
    await db.query(
      `UPDATE applications SET reference = $1, reference_number = $2, submitted_at = $3, status = 'submitted', updated_at = now() WHERE id = $4 AND status = 'draft'`,
      [reference, number, submittedAt, a.id],
    );
    await db.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id) VALUES ($1, 'draft', 'submitted', $2)`,
      [a.id, draft.applicantId],
    );
    await insertOutbox(
      db,
      a.applicant_id,
      { applicationId: a.id, reference, applicationTitle: a.title, submittedAt: submittedAt.toISOString() },
      `application.submitted:${a.id}`,
    );
    await appendAudit(db, {
      actorId: draft.applicantId,
      action: 'application.submitted',
      entityId: a.id,
      before: auditView(a, 'draft', null, [draft.goalId]),
      after: auditView(a, 'submitted', reference, [draft.goalId]),
    });
    return 'ok';
  });
}

async function nextReference(db: PoolClient, competitionId: string): Promise<number> {
  const { rows } = await db.query<{ lastNumber: number }>(
    `INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, 1)
     ON CONFLICT (competition_id) DO UPDATE SET last_number = application_reference_counters.last_number + 1
     RETURNING last_number AS "lastNumber"`,
    [competitionId],
  );
  return rows[0].lastNumber;
}

/**
 * Drafts with the content completeDraft() sends, written with SQL as the drafts service writes them
 * (row, goals, budget lines, first history entry), for the applicants of the pg runs.
 */
async function insertDrafts(
  pool: Pool,
  competitionId: string,
  applicants: { applicantId: string; villageId: string; goalId: string; i: number }[],
): Promise<Draft[]> {
  const body = completeDraft('', 0);
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const { rows } = await db.query<{ id: string; applicant_id: string }>(
      `INSERT INTO applications (competition_id, applicant_id, village_id, status, title, summary, description, sector, requested_amount,
                                 own_contribution, jobs_created, planned_start, duration_months, created_by)
       SELECT $1, s.applicant_id, s.village_id, 'draft', 'Guest house by the sea #' || s.i, $5, $6, $7, $8, $9, $10, $11, $12, s.applicant_id
         FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS s(applicant_id, village_id, i)
       RETURNING id, applicant_id`,
      [
        competitionId,
        applicants.map((a) => a.applicantId),
        applicants.map((a) => a.villageId),
        applicants.map((a) => a.i),
        body.summary,
        body.description,
        body.sector,
        body.requestedAmount,
        body.ownContribution,
        body.jobsCreated,
        body.plannedStart,
        body.durationMonths,
      ],
    );
    const idOf = new Map(rows.map((r) => [r.applicant_id, r.id]));
    const ids = applicants.map((a) => idOf.get(a.applicantId)!);
    await db.query(
      `INSERT INTO application_goals (application_id, goal_id, position, contribution) SELECT id, goal_id, 0, $3 FROM unnest($1::uuid[], $2::uuid[]) AS s(id, goal_id)`,
      [ids, applicants.map((a) => a.goalId), body.goals[0].contribution],
    );
    await db.query(
      `INSERT INTO budget_lines (application_id, position, category, description, amount, source)
       SELECT id, l.position, l.category, l.description, l.amount, l.source
         FROM unnest($1::uuid[]) AS id
         CROSS JOIN unnest($2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS l(position, category, description, amount, source)`,
      [
        ids,
        body.budgetLines.map((_, position) => position),
        body.budgetLines.map((l) => l.category),
        body.budgetLines.map((l) => l.description ?? ''),
        body.budgetLines.map((l) => l.amount),
        body.budgetLines.map((l) => l.source),
      ],
    );
    await db.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id) SELECT id, NULL, 'draft', actor FROM unnest($1::uuid[], $2::uuid[]) AS s(id, actor)`,
      [ids, applicants.map((a) => a.applicantId)],
    );
    await db.query('COMMIT');
    return applicants.map((a, k) => ({ ...a, id: ids[k], token: '' }));
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    db.release();
  }
}

function competitionInput(villageIds: string[], code: string, title: string): CreateCompetitionDto {
  return Object.assign(new CreateCompetitionDto(), {
    code,
    title,
    description: 'Benchmark competition',
    budget: '100000000000000',
    minAward: '50000000',
    maxAward: '300000000',
    minOwnShareBp: 2000,
    maxApplicationsPerApplicant: 1,
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    eligibleVillageIds: villageIds,
  });
}

/**
 * 100,000 (or --rows) submitted applications in one competition, one per applicant, spread at random
 * (fixed seed) over the villages, sectors and title phrases, each with one or two goals of its
 * village's plan and three budget lines.
 */
async function seedListing(db: Client, competitionId: string, villageIds: string[], rows: number): Promise<void> {
  await db.query('BEGIN');
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `CREATE TEMP TABLE seed ON COMMIT DROP AS
     SELECT i, gen_random_uuid() AS user_id, gen_random_uuid() AS app_id,
            ($1::uuid[])[1 + floor(random() * $2)::int] AS village_id,
            ($3::text[])[1 + floor(random() * $4)::int] AS sector,
            ($5::text[])[1 + floor(random() * $6)::int] AS phrase,
            floor(random() * $7)::int AS goal,
            random() < 0.5 AS two_goals,
            (10 + floor(random() * 20)::int) * 10000000::bigint AS requested
       FROM generate_series(1, $8::int) AS i`,
    [villageIds, villageIds.length, SECTORS, SECTORS.length, PHRASES, PHRASES.length, GOALS_PER_PLAN, rows],
  );
  await db.query(
    `INSERT INTO users (id, email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT user_id, 'listed-' || i || '@example.kz', 'not-a-hash', 'Applicant ' || i, 'ru', '{applicant}', village_id, now() FROM seed`,
  );
  await db.query(
    `INSERT INTO applications (id, competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, description,
                               sector, requested_amount, own_contribution, jobs_created, planned_start, duration_months, created_by,
                               submitted_at, created_at, updated_at)
     SELECT app_id, $1, user_id, village_id, 'submitted', 'SU-BENCHLI-2026-' || lpad(i::text, greatest(4, length(i::text)), '0'), i, phrase || ' ' || i,
            'Summary of ' || lower(phrase) || ' for the village', 'A longer description of the initiative number ' || i,
            sector, requested, requested / 4, 1 + i % 5, DATE '2027-04-01', 12, user_id,
            now() - make_interval(secs => ($2::int - i) * 10), now() - make_interval(secs => ($2::int - i) * 10 + 3600), now()
       FROM seed`,
    [competitionId, rows],
  );
  await db.query(
    `INSERT INTO application_goals (application_id, goal_id, position, contribution)
     SELECT s.app_id, g.id, CASE WHEN g.code = 'G' || (1 + s.goal) THEN 0 ELSE 1 END, 'Supports the goal'
       FROM seed s
       JOIN development_plans p ON p.village_id = s.village_id AND p.status = 'adopted'
       JOIN plan_goals g ON g.plan_id = p.id
      WHERE g.code = 'G' || (1 + s.goal) OR (s.two_goals AND g.code = 'G' || (1 + (s.goal + 1) % $1))`,
    [GOALS_PER_PLAN],
  );
  await db.query(
    `INSERT INTO budget_lines (application_id, position, category, description, amount, source)
     SELECT app_id, 0, 'equipment', 'Machines', requested * 3 / 4, 'grant' FROM seed
     UNION ALL SELECT app_id, 1, 'renovation', 'Premises', requested - requested * 3 / 4, 'grant' FROM seed
     UNION ALL SELECT app_id, 2, 'own', 'Own funds', requested / 4, 'own' FROM seed`,
  );
  await db.query(`INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, $2)`, [
    competitionId,
    rows,
  ]);
  await db.query('COMMIT');
  await db.query('ANALYZE');
}

export async function benchApplications(n: number): Promise<void> {
  const concurrency = option('concurrency', 50);
  const listingRows = option('rows', 100_000);
  const requests = option('requests', 200);
  const benchStarted = performance.now();

  const { admin, name, url } = await createBenchDatabase('applications');
  const config = benchConfig(name, url);
  let app: NestExpressApplication | undefined;
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.databasePoolSize });
  const seeder = new Client({ connectionString: config.databaseUrl });
  let redisKeysDeleted = 0;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
    configureApp(app);
    await runMigrationsUnderLock(app.get(DataSource));
    await app.listen(0, '127.0.0.1');
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const dataSource = app.get(DataSource);

    // Places, one adopted plan per village, two open competitions (submissions; the large listing).
    const users = app.get(UsersService);
    const staff = await users.create(
      {
        email: 'bench-admin@example.kz',
        password: 'bench-password-1',
        fullName: 'Bench Admin',
        preferredLanguage: 'ru',
        roles: ['admin'],
      },
      null,
    );
    const manager = await users.create(
      {
        email: 'bench-manager@example.kz',
        password: 'bench-password-1',
        fullName: 'Bench Manager',
        preferredLanguage: 'ru',
        roles: ['manager'],
      },
      null,
    );
    const geography = app.get(GeographyService);
    const plans = app.get(PlansService);
    const region = await geography.createRegion(staff.id, { name: 'Bench region' });
    const villageIds: string[] = [];
    const goalsByVillage = new Map<string, string[]>();
    for (let d = 0; d < DISTRICTS; d += 1) {
      const district = await geography.createDistrict(staff.id, { regionId: region.id, name: `Bench district ${d}` });
      for (let v = 0; v < VILLAGES / DISTRICTS; v += 1) {
        const village = await geography.createVillage(staff.id, {
          districtId: district.id,
          name: `Bench village ${d}-${v}`,
        });
        const draftPlan = await plans.create(staff.id, village.id, {
          title: 'Development plan',
          periodStart: 2026,
          periodEnd: 2030,
          goals: Array.from({ length: GOALS_PER_PLAN }, (_, g) => ({
            code: `G${g + 1}`,
            title: `Goal ${g + 1}`,
            priority: g + 1,
          })),
        });
        const plan = await plans.adopt(staff.id, draftPlan.id);
        villageIds.push(village.id);
        goalsByVillage.set(
          village.id,
          [...(plan.goals ?? [])].sort((x, y) => x.code.localeCompare(y.code)).map((g) => g.id),
        );
      }
    }
    const competitions = app.get(CompetitionsService);
    const lifecycle = app.get(CompetitionLifecycleService);
    const intake = await lifecycle.open(
      manager.id,
      (await competitions.create(manager.id, competitionInput(villageIds, 'BENCHIN', 'Bench intake'))).id,
    );
    const listed = await lifecycle.open(
      manager.id,
      (await competitions.create(manager.id, competitionInput(villageIds, 'BENCHLI', 'Bench listing'))).id,
    );
    const intakeReference = { code: intake.code, year: intake.opensAt.getFullYear() };

    // 3 × N confirmed applicants. The first N make their complete draft through HTTP; the drafts of the
    // other 2 N (for the two pg runs) are the same content written with SQL, to keep the run short.
    const tokens = app.get(AccessTokens);
    const applicants: { id: string; village_id: string }[] = await dataSource.query(
      `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
       SELECT 'applicant-' || i || '@example.kz', 'not-a-hash', 'Applicant ' || i, 'kk', '{applicant}', ($1::uuid[])[1 + i % $2], now()
         FROM generate_series(0, $3::int - 1) AS i
       RETURNING id, home_village_id AS village_id`,
      [villageIds, villageIds.length, 3 * n],
    );
    const withGoal = applicants.map((a, i) => ({
      applicantId: a.id,
      villageId: a.village_id,
      goalId: goalsByVillage.get(a.village_id)![i % GOALS_PER_PLAN],
      i,
    }));
    const httpDrafts: Draft[] = [];
    const createFailures: Record<string, number> = {};
    const createStarted = performance.now();
    await eachConcurrently(withGoal.slice(0, n), concurrency, async (applicant) => {
      const token = tokens.sign({ id: applicant.applicantId, roles: ['applicant'] });
      const res = await fetch(`${origin}/competitions/${intake.id}/applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(completeDraft(applicant.goalId, applicant.i)),
      });
      const body = (await res.json()) as { id?: string; code?: string };
      if (res.status === 201 && body.id) httpDrafts.push({ ...applicant, id: body.id, token });
      else
        createFailures[`${res.status} ${body.code ?? ''}`] =
          (createFailures[`${res.status} ${body.code ?? ''}`] ?? 0) + 1;
    });
    const createSeconds = (performance.now() - createStarted) / 1000;
    if (httpDrafts.length !== n) throw new Error(`draft creation failed: ${JSON.stringify(createFailures)}`);
    const sqlDrafts = await insertDrafts(pool, intake.id, withGoal.slice(n));
    const [mirroredDrafts, writesDrafts] = [sqlDrafts.slice(0, n), sqlDrafts.slice(n)];

    // 1. Through HTTP.
    const http = await timed(httpDrafts, concurrency, async (draft) => {
      const res = await fetch(`${origin}/applications/${draft.id}/submit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${draft.token}` },
      });
      const body = (await res.json()) as { status?: string; code?: string };
      return res.status === 200 && body.status === 'submitted' ? 'ok' : `${res.status} ${body.code ?? ''}`;
    });
    // 2. Straight with pg, same concurrency, a pool as large as the api's.
    const mirrored = await timed(mirroredDrafts, concurrency, (draft) => submitMirrored(pool, draft));
    const writesOnly = await timed(writesDrafts, concurrency, (draft) =>
      submitWritesOnly(pool, draft, intakeReference),
    );

    const [refs] = await dataSource.query(
      `SELECT count(*)::int AS submitted, count(DISTINCT reference_number)::int AS distinct, min(reference_number) AS min, max(reference_number) AS max
         FROM applications WHERE competition_id = $1 AND status = 'submitted'`,
      [intake.id],
    );
    const [receipts] = await dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE type = 'application.submitted'`,
    );
    const audit = await app.get(AuditService).verify();

    // 3. The listing with a large competition.
    await seeder.connect();
    const seedStarted = performance.now();
    await seedListing(seeder, listed.id, villageIds, listingRows);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const managerToken = tokens.sign({ id: manager.id, roles: ['manager'] });
    const village = villageIds[3];
    const goal = goalsByVillage.get(village)![0];
    const queries: Record<string, string> = {
      default: '',
      village: `villageId=${village}`,
      sectorAndGoal: `sector=tourism&goalId=${goal}`,
      text: 'q=smoke',
      sortByReferenceMidOffset: `sort=reference&order=asc&offset=${Math.floor(listingRows / 2)}`,
    };
    const listing: Record<
      string,
      { query: string; total: number; items: number; failures: number; p50: number; p95: number; max: number }
    > = {};
    for (const [label, query] of Object.entries(queries)) {
      const get = async () => {
        const t0 = performance.now();
        const res = await fetch(`${origin}/competitions/${listed.id}/applications?${query}`, {
          headers: { authorization: `Bearer ${managerToken}` },
        });
        const body = (await res.json()) as { total?: number; items?: unknown[] };
        return {
          ms: performance.now() - t0,
          status: res.status,
          total: body.total ?? -1,
          items: body.items?.length ?? -1,
        };
      };
      for (let i = 0; i < 5; i += 1) await get(); // warm-up, not counted
      const samples: number[] = [];
      let failures = 0;
      let last = { total: -1, items: -1 };
      for (let i = 0; i < requests; i += 1) {
        const result = await get();
        samples.push(result.ms);
        if (result.status !== 200) failures += 1;
        last = result;
      }
      listing[label] = { query, total: last.total, items: last.items, failures, ...percentiles(samples) };
    }

    const rate = (phase: Phase) => phase.perSecond;
    console.log(
      JSON.stringify(
        {
          bench: 'applications',
          n,
          concurrency,
          client: 'Node fetch (undici), fixed concurrency, same process as the api',
          apiPoolSize: config.databasePoolSize,
          pgPoolSize: config.databasePoolSize,
          notes: [
            'submitDirectPg runs the 19 statements the service runs between BEGIN and COMMIT (traced from the api), submitDirectPgWritesOnly only the writes',
            'the HTTP path also claims its receipt and queues it in Redis after each commit (not awaited by the request); the pg paths do not',
            'every submission takes the per-competition reference counter row and the global audit chain head until commit',
          ],
          draftCreationHttp: { count: n, seconds: +createSeconds.toFixed(2), perSecond: Math.round(n / createSeconds) },
          submitHttp: http,
          submitDirectPg: mirrored,
          submitDirectPgWritesOnly: writesOnly,
          ratio: {
            httpToDirectPg: +(rate(http) / rate(mirrored)).toFixed(2),
            httpToWritesOnly: +(rate(http) / rate(writesOnly)).toFixed(2),
          },
          checks: {
            submitted: refs.submitted,
            referencesGapless:
              refs.submitted === 3 * n && refs.distinct === 3 * n && refs.min === 1 && refs.max === 3 * n,
            receipts: receipts.n,
            auditChainValid: audit.valid,
          },
          listing: {
            applications: listingRows,
            seedSeconds: +seedSeconds.toFixed(1),
            requestsPerQuery: requests,
            sequential: true,
            ms: listing,
          },
          totalSeconds: +((performance.now() - benchStarted) / 1000).toFixed(1),
        },
        null,
        2,
      ),
    );
  } finally {
    await app?.close();
    await pool.end();
    await seeder.end().catch(() => undefined);
    redisKeysDeleted = await clearBenchRedis(config);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    console.error(`cleaned up: database ${name} dropped, ${redisKeysDeleted} redis keys deleted`);
  }
}
