/**
 * A realistic mixed workload against the real api and worker, each in its own process:
 *
 * 1. A database of its own, migrated and seeded with set-based SQL (bench/load/seed.ts): an open
 *    competition with N submitted applications and N/4 drafts, a competition in review with N
 *    applications and an open round (3 jurors each, N/20 jurors), a finalized one of N/2 with
 *    results and awards, and fresh applicants who apply during the run. Meanwhile the code is
 *    compiled with tsc as `npm run build` does (`--runtime dist` takes `dist/` as it is,
 *    `--runtime ts-node` runs the sources).
 * 2. The api and the worker started as production starts them (NODE_ENV=production, node on the
 *    compiled entrypoints, logs at info to a file), with their own REDIS_PREFIX, and mail going
 *    through the outbox and the worker to a local SMTP server that counts what it receives.
 * 3. C virtual users (closed loop, no think time) take weighted steps (bench/load/mix.ts): public
 *    reads, applicants reading theirs and creating + submitting, jurors reading and saving
 *    scoresheets, managers listing. Per operation: count, per second, p50/p99/max, errors.
 *    Memory and CPU of the api, the worker and the database's backends are sampled throughout.
 * 4. Checks: no error; every submission stored with a gapless reference, its receipt sent and
 *    received by SMTP; every saved scoresheet stored; the audit chain valid.
 * 5. Each read alone, C clients for a few seconds over HTTP; then, the api and worker stopped, its
 *    SQL alone: the statements of 20 requests recorded from an api in this process (one request at
 *    a time, public cache off), replayed straight through `pg` by C clients over a pool as large as
 *    the api's. The api/SQL ratio of latency and throughput per read.
 *
 *   npm run bench -- load [--n 4000] [--concurrency 16] [--duration 45] [--warmup 5]
 *                         [--fresh 4000] [--alone 2] [--samples 20]
 *                         [--runtime build|dist|ts-node] [--log-level info] [--mix all|reads] [--json 1]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AccessTokens } from '../src/common/auth/access-tokens';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { typeormOptions } from '../src/database/typeorm-options';
import { benchConfig, createBenchDatabase, dropBenchDatabase } from './bench-database';
import { checkRun, waitForMail } from './load/checks';
import { call, OpStats, Recorder, runIsolated, runMix, sender } from './load/driver';
import { OPERATIONS, Operation, OpContext, RunState, seeded, tokenBook } from './load/mix';
import {
  freePort,
  prepareRuntime,
  Runtime,
  RuntimeKind,
  Service,
  startService,
  stopService,
  waitUntil,
} from './load/processes';
import { isolatedRows, mixRows, printReport, Summary } from './load/report';
import { ResourceSampler } from './load/resources';
import { LoadData, seedLoad } from './load/seed';
import { SmtpCounter } from './load/smtp-counter';
import { replayOp, traceReads } from './load/sql';

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index < 0 ? undefined : args[index + 1];
}

/** `--name value` from the command line, as a positive integer. */
function option(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = flag(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return raw as T;
}

async function migrateAndSeed(databaseUrl: string, n: number, fresh: number): Promise<LoadData> {
  const dataSource = new DataSource(typeormOptions(databaseUrl, 1));
  await dataSource.initialize();
  try {
    await runMigrationsUnderLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await seedLoad(db, n, fresh);
  } finally {
    await db.end();
  }
}

/** Calls every read once: an optional route that answers 404 leaves the mix, any other failure stops the run. */
async function preflight(
  origin: string,
  ops: Operation[],
  context: Omit<OpContext, 'rng'>,
): Promise<{ enabled: Operation[]; skipped: string[] }> {
  const ctx: OpContext = { ...context, rng: seeded(1) };
  const skipped: string[] = [];
  for (const op of ops) {
    if (!op.read) continue;
    const spec = op.read(ctx);
    const { status, text } = await call(origin, spec);
    if (status === 404 && op.optional) skipped.push(`${op.name} (${spec.path}: 404)`);
    else if (status !== 200)
      throw new Error(`preflight ${op.name}: ${spec.method} ${spec.path} answered ${status} ${text.slice(0, 300)}`);
  }
  return { enabled: ops.filter((op) => !skipped.some((s) => s.startsWith(`${op.name} (`))), skipped };
}

export async function benchLoad(n: number): Promise<void> {
  const concurrency = option('concurrency', 16);
  const durationSeconds = option('duration', 45);
  const warmupSeconds = option('warmup', 5);
  const fresh = option('fresh', 4000);
  const aloneSeconds = option('alone', 2);
  const samples = option('samples', 20);
  const runtimeKind = choice<RuntimeKind>('runtime', ['build', 'dist', 'ts-node'], 'build');
  const logLevel = choice('log-level', ['info', 'warn', 'error', 'silent'], 'info');
  const mix = choice('mix', ['all', 'reads'], 'all');
  const benchStarted = performance.now();
  let aborted = false;
  const abort = () => (aborted = true);
  process.once('SIGINT', abort);

  const { admin, name, url } = await createBenchDatabase('load');
  const jwtSecret = `load-bench-${randomUUID()}`;
  const config = benchConfig(name, url, { JWT_SECRET: jwtSecret, ACCESS_TOKEN_TTL_SECONDS: '3600' });
  let runtime: Runtime | undefined;
  let api: Service | undefined;
  let worker: Service | undefined;
  let sink: SmtpCounter | undefined;
  let sampler: ResourceSampler | undefined;
  const monitor = new Client({ connectionString: config.databaseUrl });
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.databasePoolSize });
  try {
    // Compiling (CPU) and seeding (the database) at the same time.
    const [prepared, seeding] = await Promise.allSettled([
      prepareRuntime(runtimeKind),
      migrateAndSeed(config.databaseUrl, n, fresh),
    ]);
    if (prepared.status === 'fulfilled') runtime = prepared.value;
    if (prepared.status === 'rejected') throw prepared.reason;
    if (seeding.status === 'rejected') throw seeding.reason;
    const data = seeding.value;
    const build = prepared.value;
    const seededAt = performance.now();
    const phases: Record<string, number> = { 'build and seed': (seededAt - benchStarted) / 1000 };
    let mark = performance.now();
    const phase = (label: string) => {
      phases[label] = +((performance.now() - mark) / 1000).toFixed(1);
      mark = performance.now();
    };
    await monitor.connect();
    sink = await SmtpCounter.start();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: logLevel,
      PORT: String(port),
      PUBLIC_URL: origin,
      DATABASE_URL: config.databaseUrl,
      DATABASE_POOL_SIZE: String(config.databasePoolSize),
      REDIS_URL: config.redisUrl,
      REDIS_PREFIX: config.redisPrefix,
      JWT_SECRET: jwtSecret,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      MIGRATIONS_RUN: 'false',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      SMTP_URL: sink.url,
      MAIL_DIR: join(build.dir, 'mail'),
      ATTACHMENT_DIR: join(build.dir, 'attachments'),
    };
    api = startService(build, 'api', 'main', env);
    worker = startService(build, 'worker', 'worker', env);
    const apiUp = api;
    await waitUntil(
      'the api to answer /api/health',
      60000,
      api,
      async () => (await call(origin, { method: 'GET', path: '/api/health' })).status === 200,
    );
    if (logLevel === 'info')
      await waitUntil('the worker to start', 60000, worker, async () => worker!.log().includes('worker started'));
    else await new Promise((resolve) => setTimeout(resolve, 5000));
    const bootSeconds = (performance.now() - seededAt) / 1000;
    phase('start api and worker');

    const token = tokenBook(new AccessTokens(config));
    const state: RunState = { nextFresh: 0, created: 0, submitted: [], scored: new Set() };
    const context = { data, token, state };
    // Idle figures first: the api and the worker as they stand after starting, before any request.
    sampler = new ResourceSampler({ api: api.pid, worker: worker.pid, bench: process.pid }, monitor, name);
    await sampler.start();
    const { enabled, skipped } = await preflight(
      origin,
      mix === 'reads' ? OPERATIONS.filter((op) => op.read) : OPERATIONS,
      context,
    );
    const http = new Recorder();
    const run = await runMix({
      ops: enabled,
      concurrency,
      warmupSeconds,
      durationSeconds,
      context: () => context,
      send: sender(origin, http),
      recorder: http,
      onWindow: (edge) => (edge === 'start' ? sampler!.beginWindow() : sampler!.endWindow()),
      aborted: () => aborted,
    });
    phase('mix');
    const resources = sampler.figures();
    const backends = sampler.activityFigures();
    const mail = await waitForMail(monitor, sink, state, 90000);
    const checks = await checkRun({
      db: monitor,
      data,
      state,
      http,
      sink,
      origin,
      observerToken: token(data.observer, 'observer'),
      alive: [apiUp, worker],
    });

    phase('mail and checks');
    // Each read alone over HTTP, then (api and worker stopped) its SQL alone over pg, at the same concurrency.
    const reads = enabled.filter((op) => op.read);
    const alone = new Map<
      string,
      { http: { stats: OpStats; seconds: number }; sql?: { stats: OpStats; seconds: number; clients: number } }
    >();
    for (const op of reads) {
      const recorder = new Recorder();
      const { seconds } = await runIsolated({
        origin,
        op,
        concurrency,
        seconds: aloneSeconds,
        context,
        send: sender(origin, recorder),
        recorder,
        aborted: () => aborted,
      });
      alone.set(op.name, {
        http: { stats: recorder.ops.get(op.name) ?? { latencies: [], errors: 0, cacheHits: 0, outcomes: {} }, seconds },
      });
    }
    phase('reads alone over HTTP');
    const exits = { api: await stopService(api), worker: await stopService(worker) };
    sampler.stop();
    const traces = await traceReads(reads, context, samples);
    phase('stop, record SQL');
    for (const op of reads) {
      const recorder = new Recorder();
      const replayed = await replayOp({
        pool,
        op,
        traces: traces.get(op.name)!,
        concurrency,
        durationSeconds: aloneSeconds,
        recorder,
        aborted: () => aborted,
      });
      const stats = recorder.ops.get(op.name);
      if (stats) alone.get(op.name)!.sql = { stats, seconds: replayed.seconds, clients: replayed.concurrency };
    }

    phase('reads alone over pg');
    phases['build and seed'] = +phases['build and seed'].toFixed(1);
    const rows = mixRows(enabled, http, run.seconds);
    const isolated = isolatedRows(alone, traces);
    const requests = rows.reduce((sum, r) => sum + r.count, 0);
    const errors =
      rows.reduce((sum, r) => sum + r.errors, 0) + isolated.reduce((sum, r) => sum + r.http.errors + r.sql.errors, 0);
    const summary: Summary & Record<string, unknown> = {
      bench: 'load',
      n,
      concurrency,
      mix,
      runtime: runtimeKind,
      logLevel,
      seeded: { ...data.counts, seconds: +data.seconds.toFixed(1) },
      buildSeconds: +build.buildSeconds.toFixed(1),
      bootSeconds: +bootSeconds.toFixed(1),
      phases,
      skipped,
      window: {
        warmupSeconds,
        seconds: +run.seconds.toFixed(1),
        steps: run.iterations,
        requests,
        perSecond: Math.round(requests / run.seconds),
        errors,
      },
      aloneSeconds,
      operations: rows,
      alone: isolated,
      resources,
      backends,
      mail,
      checks: { ...checks, ok: checks.ok && errors === 0, noErrors: errors === 0 },
      exits,
      totalSeconds: +((performance.now() - benchStarted) / 1000).toFixed(1),
    };
    printReport(summary, rows, isolated);
    if (flag('json')) console.log(JSON.stringify(summary, null, 2));
    if (!summary.checks.ok) throw new Error('load benchmark checks failed (see above)');
  } catch (error) {
    // The logs live in the runtime's folder, which the clean-up removes: show their ends first.
    for (const service of [api, worker])
      if (service)
        console.error(`--- end of the ${service.name} log ---\n${service.log().split('\n').slice(-30).join('\n')}`);
    throw error;
  } finally {
    process.removeListener('SIGINT', abort);
    sampler?.stop();
    await stopService(api).catch(() => undefined);
    await stopService(worker).catch(() => undefined);
    await sink?.stop().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await monitor.end().catch(() => undefined);
    await runtime?.cleanup().catch(() => undefined);
    await dropBenchDatabase(admin, name, config);
  }
}
