import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApplicationRemindersService } from '../modules/applications/application-reminders.service';
import { CompetitionLifecycleService } from '../modules/competitions/competition-lifecycle.service';
import { AwardSweepService } from '../modules/awards/award-sweep.service';
import { ReviewRemindersService } from '../modules/reviews/review-reminders.service';
import { bullPrefix, producerConnection, QUEUES, SCHEDULED_JOBS, workerConnection } from './queues';

/**
 * Recurring jobs of the worker. Job schedulers are upserted by id, so any number of worker replicas
 * can start together and there is still one schedule; each run is one job, taken by one worker.
 */
@Injectable()
export class SchedulesWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulesWorker.name);
  private queue?: Queue;
  private worker?: Worker;
  private readonly connections: Redis[] = [];
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly competitions: CompetitionLifecycleService,
    private readonly reminders: ApplicationRemindersService,
    private readonly reviews: ReviewRemindersService,
    private readonly awards: AwardSweepService,
  ) {}

  async onModuleInit(): Promise<void> {
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

  /** One scheduler per recurring job, upserted by id (so replicas starting together make one schedule). */
  private async ensureSchedules(): Promise<void> {
    const every: Record<string, number> = {
      [SCHEDULED_JOBS.closeDueCompetitions]: this.config.competitionCloseEveryMs,
      [SCHEDULED_JOBS.remindDrafts]: this.config.draftReminderEveryMs,
      [SCHEDULED_JOBS.reviewSweep]: this.config.reviewSweepEveryMs,
      [SCHEDULED_JOBS.awardSweep]: this.config.awardSweepEveryMs,
    };
    for (const [name, ms] of Object.entries(every)) {
      await this.queue!.upsertJobScheduler(
        name,
        { every: ms },
        { name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      );
    }
  }

  async run(job: Job): Promise<unknown> {
    switch (job.name) {
      case SCHEDULED_JOBS.closeDueCompetitions:
        return { closed: await this.competitions.closeDue() };
      case SCHEDULED_JOBS.remindDrafts:
        return { reminders: await this.reminders.remindDrafts() };
      case SCHEDULED_JOBS.reviewSweep:
        return this.reviews.sweep();
      case SCHEDULED_JOBS.awardSweep:
        return this.awards.sweep();
      default:
        throw new Error(`Unknown scheduled job ${job.name}`);
    }
  }

  /** Lets the running job finish, then lets go of Redis. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker?.close();
    await this.queue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
