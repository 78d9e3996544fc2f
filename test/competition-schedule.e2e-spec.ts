import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG } from '../src/config/config.module';
import { CompetitionLifecycleService } from '../src/modules/competitions/competition-lifecycle.service';
import { bullPrefix, QUEUES, SCHEDULED_JOBS } from '../src/queue/queues';
import { WorkerModule } from '../src/worker.module';
import { Cast, createAdoptedPlan, createCast, createCompetition, createPlaces } from './helpers/factories';
import { createTestApp, TestContext, testConfig } from './helpers/test-app';
import { AuditBody, auditOf as auditOfEntity } from './helpers/assertions';

const POLL_LIMIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('worker schedule: closing competitions past their deadline', () => {
  let ctx: TestContext;
  let cast: Cast;
  let villageId: string;
  /** Reads the worker's queue in Redis: its schedulers and finished runs. */
  let queue: Queue;
  let queueConnection: Redis;
  const workers: TestingModule[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    const places = await createPlaces(ctx, cast.admin.user.id, 1);
    villageId = places.villageIds[0];
    await createAdoptedPlan(ctx, cast.admin.user.id, villageId);
    queueConnection = new Redis(ctx.config.redisUrl, { maxRetriesPerRequest: null });
    queue = new Queue(QUEUES.schedules, { connection: queueConnection, prefix: bullPrefix(ctx.config) });
  });

  afterAll(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
    await queue?.close();
    await queueConnection?.quit();
    await ctx?.close();
  });

  /** The real worker process, wired as src/worker.ts wires it, on this file's database and Redis prefix. */
  async function startWorker(): Promise<TestingModule> {
    const worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(testConfig(ctx.databaseName, { COMPETITION_CLOSE_EVERY_MS: '1000' }))
      .compile();
    workers.push(worker);
    await worker.init();
    return worker;
  }

  async function stopWorkers(): Promise<void> {
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
  }

  async function openCompetition(title: string): Promise<string> {
    return (await createCompetition(ctx, cast.manager.user.id, [villageId], { title: { en: title }, open: true })).id;
  }

  /** Moves an open competition's deadline a minute into the past, keeping opensAt before it. */
  async function passDeadline(id: string): Promise<void> {
    await ctx.dataSource.query(
      `UPDATE competitions SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
  }

  async function statusOf(id: string): Promise<{ status: string; closedAt: Date | null }> {
    const [row] = (await ctx.dataSource.query(
      'SELECT status, closed_at AS "closedAt" FROM competitions WHERE id = $1',
      [id],
    )) as {
      status: string;
      closedAt: Date | null;
    }[];
    return row;
  }

  const auditOf = (id: string): Promise<AuditBody[]> => auditOfEntity(ctx, 'competition', id, cast.observer.auth);

  /** Polls until the competition is closed or the time limit passes; returns the last status seen. */
  async function waitUntilClosed(id: string): Promise<string> {
    const deadline = Date.now() + POLL_LIMIT_MS;
    let status = (await statusOf(id)).status;
    while (status !== 'closed' && Date.now() < deadline) {
      await sleep(200);
      status = (await statusOf(id)).status;
    }
    return status;
  }

  /** Waits until the schedule has run at least `runs` more times, so a repeat of the work would show. */
  async function waitForRuns(runs: number): Promise<void> {
    const completed = async () => (await queue.getJobCounts('completed')).completed;
    const target = (await completed()) + runs;
    const deadline = Date.now() + POLL_LIMIT_MS;
    while ((await completed()) < target && Date.now() < deadline) await sleep(200);
    expect(await completed()).toBeGreaterThanOrEqual(target);
  }

  it('closes an open competition past its deadline as the system, once, and leaves the others alone', async () => {
    const due = await openCompetition('Due');
    const ahead = await openCompetition('Deadline ahead');
    const draft = (
      await createCompetition(ctx, cast.manager.user.id, [villageId], {
        title: { en: 'Draft past its deadline' },
        opensAt: new Date(Date.now() - 2 * 86_400_000),
        closesAt: new Date(Date.now() - 60_000),
      })
    ).id;
    await passDeadline(due);

    await startWorker();
    await expect(waitUntilClosed(due)).resolves.toBe('closed');
    await expect(statusOf(due)).resolves.toEqual({ status: 'closed', closedAt: expect.any(Date) });

    await waitForRuns(2);
    await expect(statusOf(ahead)).resolves.toEqual({ status: 'open', closedAt: null });
    await expect(statusOf(draft)).resolves.toEqual({ status: 'draft', closedAt: null });
    const events = await auditOf(due);
    expect(events.map((e) => e.action)).toEqual(['competition.created', 'competition.opened', 'competition.closed']);
    expect(events[2]).toEqual(
      expect.objectContaining({
        actorId: null,
        before: { status: 'open' },
        after: { status: 'closed', reason: 'deadline passed' },
      }),
    );
    await expect(auditOf(ahead)).resolves.toHaveLength(2);
    await expect(auditOf(draft)).resolves.toHaveLength(1);
    await stopWorkers();
  });

  it('keeps one schedule when two workers start together, and closes a competition exactly once', async () => {
    const due = await openCompetition('Due, two workers');
    await passDeadline(due);

    await Promise.all([startWorker(), startWorker()]);
    const schedulers = await queue.getJobSchedulers();
    // One scheduler per job however many workers started.
    expect(schedulers.map((s) => s.key).sort()).toEqual(Object.values(SCHEDULED_JOBS).sort());
    await expect(waitUntilClosed(due)).resolves.toBe('closed');

    await waitForRuns(3);
    const closed = (await auditOf(due)).filter((e) => e.action === 'competition.closed');
    expect(closed).toEqual([expect.objectContaining({ actorId: null })]);
    await stopWorkers();
  });

  it('closes each due competition exactly once when runs race each other', async () => {
    const due = [await openCompetition('Race 1'), await openCompetition('Race 2'), await openCompetition('Race 3')];
    for (const id of due) await passDeadline(id);

    const [first, second] = await Promise.all([startWorker(), startWorker()]);
    const runs = await Promise.all(
      [first, second, ctx.app].flatMap((context) =>
        [0, 1].map(() => context.get(CompetitionLifecycleService).closeDue()),
      ),
    );
    await stopWorkers();

    const closedByRuns = runs.flat();
    expect(new Set(closedByRuns).size).toBe(closedByRuns.length);
    for (const id of due) {
      await expect(statusOf(id)).resolves.toMatchObject({ status: 'closed' });
      const closed = (await auditOf(id)).filter((e) => e.action === 'competition.closed');
      expect(closed).toEqual([expect.objectContaining({ actorId: null })]);
    }
  });
});
