import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { APP_CONFIG } from '../../src/config/config.module';
import { configureApp } from '../../src/configure-app';
import { runMigrationsUnderLock } from '../../src/database/migrate';
import { typeormOptions } from '../../src/database/typeorm-options';
import { startScript, waitFor } from '../helpers/processes';
import { SmtpSink } from '../helpers/smtp-sink';
import { testConfig, TestContext } from '../helpers/test-app';
import { ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { ThrowawayRedis } from '../helpers/throwaway-redis';

export type WorkerProcess = ReturnType<typeof startScript>;

const DATABASE = 'startup_faults';

/**
 * Timings shortened so recovery shows within seconds rather than minutes, but in the same
 * proportions as the defaults: the send lease outlives the job lock, lost jobs are looked for
 * after a few relay passes, a send is retried with backoff many times before it is given up.
 */
const FAST: Record<string, string> = {
  RELAY_INTERVAL_MS: '100',
  RELAY_LEASE_MS: '2000',
  QUEUE_ADD_TIMEOUT_MS: '500',
  STALE_QUEUED_MS: '2000',
  SEND_LEASE_MS: '4000',
  JOB_LOCK_MS: '2000',
  NOTIFICATION_BACKOFF_MS: '200',
  NOTIFICATION_ATTEMPTS: '10',
  DATABASE_POOL_SIZE: '10',
};

/**
 * Everything the fault suite runs on, of its own: a PostgreSQL and a Redis it can stop, an SMTP
 * sink, the api in this process (listening on a port, as clients reach it) and the worker as a
 * child process, so it can be killed with SIGKILL and started again.
 */
export class FaultWorld {
  readonly workers: WorkerProcess[] = [];

  private constructor(
    readonly pg: ThrowawayPostgres,
    readonly redis: ThrowawayRedis,
    readonly sink: SmtpSink,
    readonly ctx: TestContext,
    readonly baseUrl: string,
    readonly env: Record<string, string>,
  ) {}

  static async start(): Promise<FaultWorld> {
    const started: { close: () => Promise<void> }[] = [];
    try {
      const pg = await ThrowawayPostgres.start();
      started.push({ close: () => pg.destroy() });
      const redis = await ThrowawayRedis.start();
      started.push({ close: () => redis.down() });
      const sink = await SmtpSink.start();
      started.push({ close: () => sink.stop() });
      await migrate(pg);
      const env = {
        ...FAST,
        NODE_ENV: 'test',
        DATABASE_URL: pg.url(DATABASE),
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'faults',
        SMTP_URL: sink.url,
        ADMIN_EMAIL: '',
        ADMIN_PASSWORD: '',
      };
      const ctx = await startApi(env);
      const address = ctx.app.getHttpServer().address() as { port: number };
      return new FaultWorld(pg, redis, sink, ctx, `http://127.0.0.1:${address.port}`, env);
    } catch (error) {
      for (const part of started.reverse()) await part.close().catch(() => undefined);
      throw error;
    }
  }

  get dataSource(): DataSource {
    return this.ctx.dataSource;
  }

  /** The live worker process (the last one started). */
  get worker(): WorkerProcess {
    return this.workers[this.workers.length - 1];
  }

  /**
   * Starts a worker process (from the run's build) and waits up to `timeoutMs` until its schedules
   * run; a worker that fails says why.
   */
  async startWorker(timeoutMs: number): Promise<WorkerProcess> {
    const child = startScript('src/worker.ts', [], { ...this.env, LOG_LEVEL: 'info' });
    this.workers.push(child);
    try {
      const started = await waitFor(
        async () =>
          child.output().stdout.includes('worker started') ? true : child.exitCode !== null ? false : undefined,
        timeoutMs,
        'the worker to start',
      );
      if (!started) throw new Error('The worker exited while starting');
    } catch (error) {
      const { code, signal, stdout, stderr } = child.output();
      throw new Error(
        `${(error as Error).message}\nworker exit=${code} signal=${signal}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`,
      );
    }
    return child;
  }

  /** SIGKILL: no shutdown hook runs, leases and job locks are left to expire. */
  async killWorker(): Promise<void> {
    const child = this.worker;
    child.kill('SIGKILL');
    await child.done;
  }

  /** The worker's log lines at warn level or above (pino JSON), to explain a failure. */
  workerTrouble(): string {
    return this.workers
      .map(
        (w, i) =>
          `worker ${i} (exit=${w.exitCode} signal=${w.signalCode}):\n${w.output().stderr.slice(-1500)}${w
            .output()
            .stdout.split('\n')
            .filter((l) => /"level":(40|50|60)/.test(l))
            .slice(-15)
            .join('\n')}`,
      )
      .join('\n');
  }

  /** Stops everything, also after a failure: each part is closed even when another one throws. */
  async close(): Promise<void> {
    const steps: (() => Promise<unknown>)[] = [
      () => this.redis.up(),
      () => this.pg.up(),
      ...this.workers.map((w) => async () => {
        if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
        const timer = setTimeout(() => w.kill('SIGKILL'), 10000);
        await w.done.finally(() => clearTimeout(timer));
      }),
      () => this.ctx.close(),
      () => this.redis.down(),
      () => this.pg.destroy(),
      () => this.sink.stop(),
    ];
    const problems: unknown[] = [];
    for (const step of steps) await step().catch((error: unknown) => problems.push(error));
    if (problems.length) throw problems[0];
  }
}

async function migrate(pg: ThrowawayPostgres): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: pg.url() });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.destroy();
  }
  const dataSource = await new DataSource(typeormOptions(pg.url(DATABASE), 1)).initialize();
  try {
    await runMigrationsUnderLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The api as createTestApp builds it, but on the throwaway servers and listening on a port. */
async function startApi(env: Record<string, string>): Promise<TestContext> {
  const config = testConfig(DATABASE, env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    http: () => request(server),
    databaseName: DATABASE,
    close: () => app.close(),
  };
}
