/**
 * Finalizing a large round (issue: 100,000 applications x 3 jurors x 6 criteria, goal under 10 s):
 *
 * 1. A throwaway migrated database, seeded with SQL in bulk: places, N applicants, jurors (N / 50,
 *    at most 2,000), a closed competition, N applications in review, a closed round of 6 criteria
 *    with finalizing requested, 3 active assignments per application spread over the jurors (a
 *    connected graph) and 3 submitted scoresheets each. Scores follow the application's quality plus
 *    the juror's bias plus noise, so the calibration has offsets to find.
 * 2. RoundFinalizer.finalize(roundId) from the real Nest providers (AppModule), timed, with the
 *    process memory sampled every 50 ms (a synchronous step blocks the sampler, so the kernel's
 *    high-water mark of the RSS is reported too) and the time of each step it takes (repository,
 *    outbox and audit calls; the rest is JavaScript between them).
 * 3. Checks: the round finalized, N results, N `round.results` outbox rows, N status changes; a
 *    second call returns false.
 * 4. The pure steps again on the same input, one by one (computeResults, calibrate, the input hash),
 *    to show where the computing time goes.
 *
 *   npm run bench -- finalize [--n 100000] [--jurors 2000]
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { ApplicationStatusService } from '../src/modules/applications/application-status.service';
import { AuditService } from '../src/modules/audit/audit.service';
import { Outbox } from '../src/modules/notifications/outbox.service';
import { advancementOf, RoundMethod, RubricCriterion } from '../src/modules/reviews/domain/rounds/round-method';
import { calibrate, isConnected } from '../src/modules/reviews/domain/scoring/calibration';
import { krippendorffAlphaInterval } from '../src/modules/reviews/domain/scoring/reliability';
import { computeResults } from '../src/modules/reviews/domain/scoring/results';
import { scoresheetTotal } from '../src/modules/reviews/domain/scoring/scoresheet';
import { FinalizeApplication, FrozenSheet, ResultsRepository } from '../src/modules/reviews/results.repository';
import { RoundFinalizer } from '../src/modules/reviews/round-finalizer';
import { RoundsRepository } from '../src/modules/reviews/rounds.repository';
import { benchConfig, createBenchDatabase, dropBenchDatabase } from './bench-database';

const PER_APPLICATION = 3;
const VILLAGES_PER_DISTRICT = 10;
const DISTRICTS = 4;
const SECTORS = ['agriculture', 'tourism', 'crafts', 'services', 'trade', 'processing', 'other'];
/** Amounts in tiyn, as the schema stores them: awards 500,000..5,000,000 tenge, budget 500 million. */
const MIN_AWARD = 50_000_000n;
const MAX_AWARD = 500_000_000n;
const BUDGET = 50_000_000_000n;

/** `--name value` from the command line, as a positive integer. */
function option(name: string): number | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const criterion = (code: string, title: string, weight: number, max: number, min?: number): RubricCriterion => ({
  code,
  title,
  description: `${title}: how well the application meets it`,
  weight,
  max,
  descriptors: Array.from({ length: max + 1 }, (_, level) => `${title} level ${level}`),
  ...(min === undefined ? {} : { min }),
});

const CRITERIA: RubricCriterion[] = [
  criterion('relevance', 'Relevance to the village plan', 25, 10),
  criterion('feasibility', 'Feasibility', 20, 10),
  criterion('impact', 'Jobs and local impact', 20, 10),
  criterion('budget', 'Budget soundness', 15, 5),
  criterion('team', 'Team and experience', 10, 5),
  criterion('sustainability', 'Sustainability', 10, 5, 1),
];

export function methodFor(n: number, jurors: number): RoundMethod {
  const average = (n * PER_APPLICATION) / jurors;
  return {
    criteria: CRITERIA,
    priorityCriterion: 'impact',
    jurorsPerApplication: PER_APPLICATION,
    minLoad: 0,
    maxLoad: Math.ceil(average * 1.5),
    quorum: 2,
    disputeSpread: 25,
    disputeMargin: 50,
    disputeMaxShare: 0.1,
    calibratedDecisive: true,
    advancement: { kind: 'top', n: Math.min(1000, Math.max(1, Math.floor(n / 10))) },
    blind: true,
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => +(ms / 1000).toFixed(3);

interface Seeded {
  competitionId: string;
  roundId: string;
  seconds: number;
}

/**
 * The whole round with set-based SQL on one connection. `setseed` makes the random draws repeatable
 * (the uuids are not, so ties and the order of ids differ between runs).
 */
export async function seedRound(db: Client, n: number, jurors: number, method: RoundMethod): Promise<Seeded> {
  const started = performance.now();
  await db.query('SELECT setseed(0.4242)');
  const [region] = (await db.query<{ id: string }>(`INSERT INTO regions (name) VALUES ('Bench region') RETURNING id`))
    .rows;
  await db.query(
    `INSERT INTO districts (region_id, name) SELECT $1, 'Bench district ' || d FROM generate_series(1, $2::int) AS d`,
    [region.id, DISTRICTS],
  );
  await db.query(
    `INSERT INTO villages (district_id, name) SELECT d.id, d.name || ' village ' || v FROM districts d CROSS JOIN generate_series(1, $1::int) AS v`,
    [VILLAGES_PER_DISTRICT],
  );
  const [manager] = (
    await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, email_confirmed_at)
       VALUES ('bench-manager@example.kz', 'not-a-hash', 'Bench Manager', 'ru', '{manager}', now()) RETURNING id`,
    )
  ).rows;
  await db.query(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'juror-' || lpad(i::text, 5, '0') || '@example.kz', 'not-a-hash', 'Juror ' || i, (ARRAY['kk','ru','en'])[1 + i % 3], '{juror}', v.ids[1 + i % cardinality(v.ids)], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [jurors],
  );
  await db.query(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'applicant-' || lpad(i::text, 7, '0') || '@example.kz', 'not-a-hash', 'Applicant ' || i, (ARRAY['kk','ru','en'])[1 + i % 3], '{applicant}', v.ids[1 + i % cardinality(v.ids)], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [n],
  );
  const [competition] = (
    await db.query<{ id: string }>(
      `INSERT INTO competitions (code, title, description, budget, min_award, max_award, min_own_share_bp, opens_at, closes_at, status, opened_at, closed_at, created_by)
       VALUES ('BENCHFIN', 'Bench competition 2026', 'Finalizing benchmark', $1, $2, $3, 1000, now() - interval '90 days', now() - interval '60 days', 'closed',
               now() - interval '90 days', now() - interval '60 days', $4)
       RETURNING id`,
      [BUDGET.toString(), MIN_AWARD.toString(), MAX_AWARD.toString(), manager.id],
    )
  ).rows;
  await db.query('INSERT INTO competition_villages (competition_id, village_id) SELECT $1, id FROM villages', [
    competition.id,
  ]);
  await db.query(
    `INSERT INTO competition_jurors (competition_id, user_id, expertise, home_village_id, conflicts_confirmed_at, added_by)
     SELECT $1, id, ARRAY[($3::text[])[1 + abs(hashtext(email)) % 7]], home_village_id, now() - interval '30 days', $2 FROM users WHERE roles = '{juror}'`,
    [competition.id, manager.id, SECTORS],
  );
  await db.query(
    `INSERT INTO applications (competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, description, sector,
                               requested_amount, own_contribution, jobs_created, planned_start, duration_months, created_by, submitted_at, created_at, updated_at)
     SELECT $1, u.id, u.home_village_id, 'in_review', 'SU-BENCHFIN-2026-' || lpad(u.rn::text, greatest(4, length(u.rn::text)), '0'), u.rn, 'Bench project ' || u.rn, 'A small business in the village',
            'Generated for the finalizing benchmark.', ($2::text[])[1 + u.rn % 7], r.requested, r.requested / 4, 1 + u.rn % 5, DATE '2027-04-01', 12, u.id,
            now() - interval '65 days', now() - interval '70 days', now() - interval '50 days'
       FROM (SELECT id, home_village_id, row_number() OVER (ORDER BY email)::int AS rn FROM users WHERE roles = '{applicant}') AS u,
            LATERAL (SELECT $3::bigint + floor(random() * 451)::bigint * 1000000 AS requested OFFSET 0) AS r`,
    [competition.id, SECTORS, MIN_AWARD.toString()],
  );
  await db.query(`INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, $2)`, [
    competition.id,
    n,
  ]);
  const [round] = (
    await db.query<{ id: string }>(
      `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalize_requested_at, created_by)
       VALUES ($1, 1, 'First round', 'closed', $2::jsonb, now() - interval '5 days', encode(sha256('bench-finalize'::bytea), 'hex'),
               now() - interval '45 days', now() - interval '5 days', now(), $3)
       RETURNING id`,
      [competition.id, JSON.stringify(method), manager.id],
    )
  ).rows;
  await db.query(
    'INSERT INTO round_applications (round_id, application_id) SELECT $1, id FROM applications WHERE competition_id = $2',
    [round.id, competition.id],
  );

  // Quality per application (0.15..0.9 of the scale), bias per juror (-0.15..0.15), three distinct
  // jurors per application (base + k * step mod J, 2 * step < J): a random, connected graph.
  await db.query(
    `CREATE TEMP TABLE bench_jurors AS
     SELECT (row_number() OVER (ORDER BY email) - 1)::int AS k, id, (random() - 0.5) * 0.3 AS bias FROM users WHERE roles = '{juror}'`,
  );
  await db.query('CREATE UNIQUE INDEX ON bench_jurors (k)');
  await db.query(
    `CREATE TEMP TABLE bench_applications AS
     SELECT id, 0.15 + random() * 0.75 AS quality, floor(random() * $2::int)::int AS base, 1 + floor(random() * (($2::int - 1) / 2))::int AS step
       FROM applications WHERE competition_id = $1`,
    [competition.id, jurors],
  );
  await db.query(
    `INSERT INTO assignments (round_id, application_id, juror_id, status, source, affinity, created_at)
     SELECT $1, a.id, j.id, 'active', 'engine', floor(random() * 13)::int, now() - interval '44 days'
       FROM bench_applications a CROSS JOIN generate_series(0, $3::int - 1) AS s JOIN bench_jurors j ON j.k = (a.base + s * a.step) % $2::int`,
    [round.id, jurors, PER_APPLICATION],
  );
  const scores = CRITERIA.map(
    (c) =>
      `'${c.code}', greatest(0, least(${c.max}, round((a.quality + j.bias + (random() - 0.5) * 0.2) * ${c.max})))::int`,
  ).join(', ');
  await db.query(
    `INSERT INTO scoresheets (assignment_id, round_id, application_id, juror_id, status, scores, comment, submitted_at, updated_at)
     SELECT s.id, s.round_id, s.application_id, s.juror_id, 'submitted', jsonb_build_object(${scores}), 'Generated',
            now() - interval '6 days' - random() * interval '30 days', now() - interval '6 days'
       FROM assignments s JOIN bench_applications a ON a.id = s.application_id JOIN bench_jurors j ON j.id = s.juror_id
      WHERE s.round_id = $1`,
    [round.id],
  );
  await db.query('DROP TABLE bench_jurors, bench_applications');
  // As a database that has lived a while would be: statistics gathered, hint bits set, no checkpoint due.
  await db.query(
    'VACUUM (ANALYZE) users, competitions, applications, review_rounds, round_applications, assignments, scoresheets, notifications, round_results, application_status_changes',
  );
  await db.query('CHECKPOINT').catch(() => undefined);
  return { competitionId: competition.id, roundId: round.id, seconds: (performance.now() - started) / 1000 };
}

interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

const memoryNow = (): MemorySample => {
  const m = process.memoryUsage();
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  };
};

/** Samples memory every 50 ms until stopped; returns the peaks of each figure and the number of samples. */
function sampleMemory(): () => { peak: MemorySample; samples: number; maxGapMs: number } {
  const peak = memoryNow();
  let samples = 1;
  let last = performance.now();
  let maxGapMs = 0;
  const take = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    samples += 1;
    const m = memoryNow();
    for (const key of Object.keys(peak) as (keyof MemorySample)[]) peak[key] = Math.max(peak[key], m[key]);
  };
  const timer = setInterval(take, 50);
  return () => {
    clearInterval(timer);
    take();
    return { peak, samples, maxGapMs: Math.round(maxGapMs) };
  };
}

/** The kernel's high-water mark of this process's resident set (covers what a blocked sampler misses). */
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Call {
  step: string;
  startMs: number;
  ms: number;
}

/**
 * Wraps async methods of provider instances to record when each call started and how long it took,
 * relative to `origin()`. Returns a function that puts the original methods back.
 */
function traceMethods(calls: Call[], origin: () => number, targets: [string, object, string[]][]): () => void {
  const restore: (() => void)[] = [];
  for (const [prefix, target, names] of targets) {
    const t = target as Record<string, unknown>;
    for (const name of names) {
      const original = t[name];
      if (typeof original !== 'function') throw new Error(`${prefix}.${name} is not a method`);
      const own = Object.prototype.hasOwnProperty.call(t, name);
      t[name] = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
        const started = performance.now();
        try {
          return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
        } finally {
          calls.push({ step: `${prefix}.${name}`, startMs: started - origin(), ms: performance.now() - started });
        }
      };
      restore.push(() => {
        if (own) t[name] = original;
        else delete t[name];
      });
    }
  }
  return () => restore.forEach((r) => r());
}

function timedSync<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, +(performance.now() - started).toFixed(1)];
}

/** The pure steps of RoundFinalizer.compute/finalize, each on its own, on the input finalizing read. */
function pureSteps(
  method: RoundMethod,
  seedHex: string,
  budget: bigint,
  applications: FinalizeApplication[],
  sheets: FrozenSheet[],
) {
  const inRound = new Set(applications.map((a) => a.id));
  const counted = sheets.filter((s) => inRound.has(s.application));
  const [, computeResultsMs] = timedSync(() =>
    computeResults({
      criteria: method.criteria,
      priorityCriterion: method.priorityCriterion,
      quorum: method.quorum,
      scoresheets: counted.map((s) => ({ application: s.application, juror: s.juror, scores: s.scores })),
      applications: applications.map((a) => ({ id: a.id, requestedAmount: a.requestedAmount })),
      advancement: advancementOf(method, budget),
      calibratedDecisive: method.calibratedDecisive,
      dispute: { spread: method.disputeSpread, margin: method.disputeMargin, maxShare: method.disputeMaxShare },
      seed: seedHex,
    }),
  );
  const [ratings, totalsMs] = timedSync(() =>
    counted.map((s) => ({
      application: s.application,
      juror: s.juror,
      total: scoresheetTotal(method.criteria, s.scores),
    })),
  );
  const [, calibrateMs] = timedSync(() => calibrate(ratings));
  // 1 and 11 sweeps: the cost of the set-up and of one sweep.
  const [, oneSweepMs] = timedSync(() => calibrate(ratings, 1, 1, 0));
  const [, elevenSweepsMs] = timedSync(() => calibrate(ratings, 1, 11, 0));
  const perSweepMs = Math.max((elevenSweepsMs - oneSweepMs) / 10, 0.001);
  const setUpMs = Math.max(oneSweepMs - perSweepMs, 0);
  const [, isConnectedMs] = timedSync(() => isConnected(ratings));
  const [, alphaMs] = timedSync(() => {
    const byApplication = new Map<string, number[]>();
    for (const r of ratings)
      (byApplication.get(r.application) ?? byApplication.set(r.application, []).get(r.application)!).push(r.total);
    return krippendorffAlphaInterval([...byApplication.values()]);
  });
  const [, lotsMs] = timedSync(() =>
    applications.map((a) => createHash('sha256').update(`${seedHex}:${a.id}`).digest('hex')),
  );
  const [, inputHashMs] = timedSync(() => {
    const canonical = [...counted].sort((a, b) =>
      a.application < b.application ? -1 : a.application > b.application ? 1 : a.juror < b.juror ? -1 : 1,
    );
    const hash = createHash('sha256').update(
      JSON.stringify({
        method,
        seed: seedHex,
        budget: budget.toString(),
        applications: applications.map((a) => [a.id, a.requestedAmount.toString()]),
      }),
    );
    for (const s of canonical)
      hash.update(JSON.stringify([s.application, s.juror, method.criteria.map((c) => s.scores[c.code])]));
    return hash.digest('hex');
  });
  return {
    computeResults: computeResultsMs,
    computeResultsParts: {
      scoresheetTotals: totalsMs,
      calibrate: calibrateMs,
      isConnected: isConnectedMs,
      alpha: alphaMs,
      tieBreakLots: lotsMs,
    },
    // RoundFinalizer.compute calls calibrate() a second time (for the juror offsets) and hashes the input.
    computeExtras: { calibrateForOffsets: calibrateMs, inputHash: inputHashMs },
    // calibrate() stops at the tolerance or after 200 sweeps, whichever comes first.
    calibrateCost: { setUp: +setUpMs.toFixed(1), perSweep: +perSweepMs.toFixed(1) },
  };
}

export async function benchFinalize(n: number | undefined): Promise<void> {
  const size = n ?? 100_000;
  const jurors = option('jurors') ?? Math.min(2000, Math.max(PER_APPLICATION, Math.round(size / 50)));
  if (jurors < PER_APPLICATION) throw new Error(`--jurors must be at least ${PER_APPLICATION}`);
  const benchStarted = performance.now();
  const { admin, name, url } = await createBenchDatabase('finalize');
  const config = benchConfig(name, url);
  const seeder = new Client({ connectionString: config.databaseUrl });
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const dataSource = app.get(DataSource);
    await runMigrationsUnderLock(dataSource);
    await seeder.connect();
    const method = methodFor(size, jurors);
    const seeded = await seedRound(seeder, size, jurors, method);
    const [roundRow] = (
      await seeder.query<{ seed: string }>('SELECT seed FROM review_rounds WHERE id = $1', [seeded.roundId])
    ).rows;
    const [sizes] = (
      await seeder.query<{
        scoresheets: number;
        assignments: number;
        jurors_used: number;
        min_load: number;
        max_load: number;
      }>(
        `SELECT (SELECT count(*)::int FROM scoresheets WHERE round_id = $1 AND status = 'submitted') AS scoresheets,
                (SELECT count(*)::int FROM assignments WHERE round_id = $1 AND status = 'active') AS assignments,
                count(*)::int AS jurors_used, min(c)::int AS min_load, max(c)::int AS max_load
           FROM (SELECT juror_id, count(*) AS c FROM assignments WHERE round_id = $1 GROUP BY juror_id) AS l`,
        [seeded.roundId],
      )
    ).rows;

    const finalizer = app.get(RoundFinalizer);
    const results = app.get(ResultsRepository);
    const rounds = app.get(RoundsRepository);
    // What finalizing read, kept to run the pure steps again afterwards.
    let readApplications: FinalizeApplication[] = [];
    let readSheets: FrozenSheet[] = [];
    const capture = results as unknown as {
      applications: ResultsRepository['applications'];
      submittedSheets: ResultsRepository['submittedSheets'];
    };
    const calls: Call[] = [];
    let origin = 0;
    const untrace = traceMethods(calls, () => origin, [
      ['rounds', rounds, ['lock', 'competition', 'transition']],
      ['results', results, ['applications', 'submittedSheets', 'insertResults']],
      ['applicationStatus', app.get(ApplicationStatusService), ['moveMany']],
      ['outbox', app.get(Outbox), ['addSelected']],
      ['audit', app.get(AuditService), ['record']],
      ['finalizer', finalizer, ['compute']],
    ]);
    const readApplicationsTraced = capture.applications.bind(results);
    const readSheetsTraced = capture.submittedSheets.bind(results);
    capture.applications = async (...args) => (readApplications = await readApplicationsTraced(...args));
    capture.submittedSheets = async (...args) => (readSheets = await readSheetsTraced(...args));

    const before = memoryNow();
    const maxRssBeforeMb = maxRssMb();
    const stopSampling = sampleMemory();
    origin = performance.now();
    const finalized = await finalizer.finalize(seeded.roundId);
    const finalizeMs = performance.now() - origin;
    const memory = stopSampling();
    const maxRssAfterMb = maxRssMb();
    untrace(); // also drops the two capturing wrappers (own properties over the prototype's methods)

    const againStarted = performance.now();
    const again = await finalizer.finalize(seeded.roundId);
    const againMs = performance.now() - againStarted;

    const [check] = (
      await seeder.query<{
        status: string;
        results: number;
        outbox: number;
        changes: number;
        shortlisted: number;
        not_awarded: number;
        in_review: number;
        audit: number;
        summary: Record<string, unknown>;
      }>(
        `SELECT r.status, r.summary,
                (SELECT count(*)::int FROM round_results WHERE round_id = r.id) AS results,
                (SELECT count(*)::int FROM notifications WHERE type = 'round.results') AS outbox,
                (SELECT count(*)::int FROM application_status_changes) AS changes,
                (SELECT count(*)::int FROM applications WHERE status = 'shortlisted') AS shortlisted,
                (SELECT count(*)::int FROM applications WHERE status = 'not_awarded') AS not_awarded,
                (SELECT count(*)::int FROM applications WHERE status = 'in_review') AS in_review,
                (SELECT count(*)::int FROM audit_events WHERE action = 'review_round.finalized' AND entity_id = r.id::text) AS audit
           FROM review_rounds r WHERE r.id = $1`,
        [seeded.roundId],
      )
    ).rows;
    const summary = check.summary;
    const ok =
      finalized &&
      !again &&
      check.status === 'finalized' &&
      check.results === size &&
      check.outbox === size &&
      check.changes === size &&
      check.in_review === 0 &&
      check.audit === 1;

    // Where the time went: each traced call in start order; the gaps are JavaScript between them.
    const round = (ms: number) => +ms.toFixed(1);
    const timeline = [...calls]
      .sort((a, b) => a.startMs - b.startMs)
      .map((c) => ({ step: c.step, atMs: round(c.startMs), ms: round(c.ms) }));
    const sum = (step: string) => round(calls.filter((c) => c.step === step).reduce((s, c) => s + c.ms, 0));
    const compute = calls.find((c) => c.step === 'finalizer.compute');
    const reads = calls.filter(
      (c) =>
        compute &&
        ['results.applications', 'results.submittedSheets', 'rounds.competition'].includes(c.step) &&
        c.startMs >= compute.startMs &&
        c.startMs <= compute.startMs + compute.ms,
    );
    const readsEnd = reads.length ? Math.max(...reads.map((c) => c.startMs + c.ms)) : 0;
    const insert = calls.find((c) => c.step === 'results.insertResults');
    const auditCall = calls.find((c) => c.step === 'audit.record');
    const phases = {
      lockRound: sum('rounds.lock'),
      readsParallel: compute ? round(readsEnd - compute.startMs) : null,
      readApplications: sum('results.applications'),
      readScoresheets: sum('results.submittedSheets'),
      computePure: compute ? round(compute.startMs + compute.ms - readsEnd) : null,
      totalsMapBeforeInsert: compute && insert ? round(insert.startMs - (compute.startMs + compute.ms)) : null,
      insertResults: sum('results.insertResults'),
      settleApplications: sum('applicationStatus.moveMany'),
      transitionRound: sum('rounds.transition'),
      outboxInsert: sum('outbox.addSelected'),
      auditRecord: sum('audit.record'),
      commitAndRest: auditCall ? round(finalizeMs - (auditCall.startMs + auditCall.ms)) : null,
    };
    const pure = pureSteps(method, roundRow.seed, BUDGET, readApplications, readSheets);

    console.log(
      JSON.stringify(
        {
          bench: 'finalize',
          n: size,
          jurors,
          criteria: CRITERIA.length,
          seeded: { ...sizes, seconds: +seeded.seconds.toFixed(1) },
          // startedAtMs: performance.now() at the call, to line the timeline up with --trace-gc or --cpu-prof output.
          finalize: {
            seconds: seconds(finalizeMs),
            goalSeconds: 10,
            met: finalizeMs < 10_000,
            returned: finalized,
            startedAtMs: Math.round(origin),
          },
          secondCall: { seconds: seconds(againMs), returned: again },
          memory: {
            before,
            peakSampled: memory.peak,
            samples: memory.samples,
            longestSamplerGapMs: memory.maxGapMs,
            maxRssMb: { before: maxRssBeforeMb, after: maxRssAfterMb },
          },
          phasesMs: phases,
          pureStepsMs: pure,
          timeline,
          outcome: {
            advanced: summary.advanced,
            disputed: summary.disputed,
            alpha: typeof summary.alpha === 'number' ? +summary.alpha.toFixed(3) : summary.alpha,
            calibratedDecides: summary.calibratedDecides,
            calibrationBlockedBy: summary.calibrationBlockedBy,
            crossings: Array.isArray(summary.crossings) ? summary.crossings.length : null,
          },
          checks: {
            ok,
            roundStatus: check.status,
            roundResults: check.results,
            outboxRoundResults: check.outbox,
            statusChanges: check.changes,
            shortlisted: check.shortlisted,
            notAwarded: check.not_awarded,
            stillInReview: check.in_review,
            auditEvents: check.audit,
          },
          totalSeconds: +((performance.now() - benchStarted) / 1000).toFixed(1),
        },
        null,
        2,
      ),
    );
    if (!ok) throw new Error('finalize benchmark checks failed (see checks above)');
  } finally {
    await app?.close();
    await seeder.end().catch(() => undefined);
    await dropBenchDatabase(admin, name, config);
  }
}
