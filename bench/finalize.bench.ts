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
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { ApplicationStatusService } from '../src/modules/applications/application-status.service';
import { AuditService } from '../src/modules/audit/audit.service';
import { Outbox } from '../src/modules/notifications/outbox.service';
import { FinalizeApplication, FrozenSheet, ResultsRepository } from '../src/modules/reviews/results.repository';
import { RoundFinalizer } from '../src/modules/reviews/round-finalizer';
import { RoundsRepository } from '../src/modules/reviews/rounds.repository';
import { benchConfig, createBenchDatabase, dropBenchDatabase } from './bench-database';
import { Call, maxRssMb, memoryNow, sampleMemory, traceMethods } from './finalize/measuring';
import { pureSteps } from './finalize/pure-steps';
import { BUDGET, CRITERIA, methodFor, PER_APPLICATION, seedRound } from './finalize/seeding';
import { positiveOption } from './options';

const seconds = (ms: number) => +(ms / 1000).toFixed(3);

export async function benchFinalize(n: number | undefined): Promise<void> {
  const size = n ?? 100_000;
  const jurors = positiveOption('jurors') ?? Math.min(2000, Math.max(PER_APPLICATION, Math.round(size / 50)));
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
