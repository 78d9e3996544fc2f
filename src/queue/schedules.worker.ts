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
    await this.queue.upsertJobScheduler(
      SCHEDULED_JOBS.closeDueCompetitions,
      { every: this.config.competitionCloseEveryMs },
      { name: SCHEDULED_JOBS.closeDueCompetitions, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    await this.queue.upsertJobScheduler(
      SCHEDULED_JOBS.remindDrafts,
      { every: this.config.draftReminderEveryMs },
      { name: SCHEDULED_JOBS.remindDrafts, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    await this.queue.upsertJobScheduler(
      SCHEDULED_JOBS.reviewSweep,
      { every: this.config.reviewSweepEveryMs },
      { name: SCHEDULED_JOBS.reviewSweep, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    await this.queue.upsertJobScheduler(
      SCHEDULED_JOBS.awardSweep,
      { every: this.config.awardSweepEveryMs },
      { name: SCHEDULED_JOBS.awardSweep, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    this.worker = new Worker(QUEUES.schedules, (job) => this.run(job), { connection: consumer, prefix, concurrency: 1 });
    this.worker.on('failed', (job, error) => this.logger.error({ err: error, job: job?.name }, 'Scheduled job failed'));
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'Schedules worker error'));
    this.queue.on('error', (error) => this.logger.warn({ err: error }, 'Schedules queue error'));
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
    await this.worker?.close();
    await this.queue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
