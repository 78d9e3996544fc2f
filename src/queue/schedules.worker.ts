import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { bullPrefix, producerConnection, QUEUES, SCHEDULED_JOBS, workerConnection } from './queues';
import { ScheduledHandler, ScheduleRegistry } from './schedule-registry';
import { Scheduled } from './scheduled';

/**
 * Recurring jobs of the worker. Each feature declares its own with `@Scheduled()`; the worker
 * gathers them from the modules it loads and refuses to start unless every job of SCHEDULED_JOBS
 * has exactly one handler. Job schedulers are upserted by id, so any number of worker replicas can
 * start together and there is still one schedule; each run is one job, taken by one worker.
 */
@Injectable()
export class SchedulesWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulesWorker.name);
  private readonly registry = new ScheduleRegistry();
  private schedules: ScheduledHandler[] = [];
  private queue?: Queue;
  private worker?: Worker;
  private readonly connections: Redis[] = [];
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  async onModuleInit(): Promise<void> {
    // Before anything touches Redis: a worker without a handler for a scheduled job does not start.
    this.gatherHandlers();
    this.schedules = this.registry.complete(Object.values(SCHEDULED_JOBS));
    const producer = producerConnection(this.config);
    const consumer = workerConnection(this.config);
    this.connections.push(producer, consumer);
    // Redis outages surface on the calls and in BullMQ's reconnects; without listeners every
    // retry would also be printed as an unhandled error event.
    for (const connection of this.connections) connection.on('error', () => undefined);
    const prefix = bullPrefix(this.config);
    this.queue = new Queue(QUEUES.schedules, { connection: producer, prefix });
    await this.ensureSchedules();
    // A Redis that restarts without its data (no persistence, a failover to an empty replica) loses
    // the schedulers with every other key: put them back on each reconnect. Upserting by id is
    // idempotent and keeps an existing scheduler's next run, so a reconnect that lost nothing is harmless.
    producer.on('ready', () => {
      if (this.stopping) return;
      this.ensureSchedules().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not restore the schedules after a reconnect'),
      );
    });
    this.worker = new Worker(QUEUES.schedules, (job) => this.run(job), {
      connection: consumer,
      prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (job, error) => this.logger.error({ err: error, job: job?.name }, 'Scheduled job failed'));
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'Schedules worker error'));
    this.queue.on('error', (error) => this.logger.warn({ err: error }, 'Schedules queue error'));
  }

  /** The `@Scheduled()` methods of every provider the worker loaded, each with its interval from the config. */
  private gatherHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const options = this.discovery.getMetadataByDecorator(Scheduled, wrapper, method);
        if (!options) continue;
        const run = instance[method] as () => Promise<unknown>;
        this.registry.add({ job: options.job, everyMs: options.every(this.config), run: () => run.call(instance) });
      }
    }
  }

  /** One scheduler per recurring job, upserted by id (so replicas starting together make one schedule). */
  private async ensureSchedules(): Promise<void> {
    for (const { job, everyMs } of this.schedules) {
      await this.queue!.upsertJobScheduler(
        job,
        { every: everyMs },
        { name: job, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      );
    }
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.registry.handlerOf(job.name);
    if (!handler) throw new Error(`Unknown scheduled job ${job.name}`);
    return handler.run();
  }

  /** Lets the running job finish, then lets go of Redis. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker?.close();
    await this.queue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
