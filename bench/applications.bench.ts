/**
 * Application intake under load, against a real api started in this process:
 *
 * 1. N applicants submit a complete draft each, C at a time, through HTTP (POST /api/applications/:id/submit).
 * 2. The same submissions done straight with `pg` at the same concurrency, in transactions that run
 *    the statements the submission service runs (the reads that check the rules included), and again
 *    with only the writes (lock, reference counter, snapshot, status, history, outbox, audit).
 * 3. The staff listing (GET /api/competitions/:id/applications) with 100,000 submitted applications in one
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
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AccessTokens } from '../src/common/auth/access-tokens';
import { configureApp } from '../src/configure-app';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { AuditService } from '../src/modules/audit/audit.service';
import { submitMirrored, submitWritesOnly } from './applications/pg-submission';
import {
  completeDraft,
  Draft,
  GOALS_PER_PLAN,
  insertDrafts,
  seedListing,
  seedPlacesAndCompetitions,
} from './applications/seeding';
import { eachConcurrently, percentiles, Phase, timed } from './applications/timing';
import { option } from './options';
import { benchConfig, clearBenchRedis, createBenchDatabase } from './bench-database';

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

    const { manager, villageIds, goalsByVillage, intake, listed } = await seedPlacesAndCompetitions(app);
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
      const res = await fetch(`${origin}/api/competitions/${intake.id}/applications`, {
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
      const res = await fetch(`${origin}/api/applications/${draft.id}/submit`, {
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
        const res = await fetch(`${origin}/api/competitions/${listed.id}/applications?${query}`, {
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
