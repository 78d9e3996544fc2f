import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { bullPrefix, NotificationJobData, QUEUES, workerConnection } from '../../queue/queues';
import { Dispatcher } from './dispatcher';
import { describeSendFailure } from './domain/notification-status';
import { NotificationsRepository } from './notifications.repository';
import { NotificationSender, SendOutcome } from './sender';

/** Look for jobs lost with Redis once in this many relay ticks. */
const RECOVER_EVERY_TICKS = 10;

/**
 * The worker's half of the pipeline: the relay loop (outbox -> queue; a plain timer, so it keeps
 * trying while Redis is down) and the `notifications` queue consumer (queue -> SMTP).
 */
@Injectable()
export class NotificationsWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsWorker.name);
  private worker?: Worker<NotificationJobData, SendOutcome>;
  private connection?: Redis;
  private timer?: NodeJS.Timeout;
  private tick?: Promise<void>;
  private ticks = 0;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: Dispatcher,
    private readonly sender: NotificationSender,
    private readonly notifications: NotificationsRepository,
  ) {}

  onModuleInit(): void {
    this.connection = workerConnection(this.config);
    this.connection.on('error', () => undefined);
    this.worker = new Worker<NotificationJobData, SendOutcome>(
      QUEUES.notifications,
      (job, token) => this.sender.process(job, token),
      {
        connection: this.connection,
        prefix: bullPrefix(this.config),
        concurrency: this.config.senderConcurrency,
        // A worker that dies mid-send loses its lock after this long; its jobs then run again elsewhere.
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
      },
    );
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'Notification worker error'));
    // A job can also die outside the processor (stalled too often); its row must not stay leased.
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const generation = Number(/-g(\d+)$/.exec(job.id ?? '')?.[1] ?? NaN);
      const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(error.message);
      if (exhausted && Number.isInteger(generation)) {
        this.notifications
          .markFailed(job.data.notificationId, describeSendFailure(error), generation)
          .catch((failure: unknown) => this.logger.warn({ err: failure }, 'Could not mark a failed notification'));
      }
    });
    this.schedule(0);
  }

  /** One relay pass: queue what is due (in batches until none is left), now and then recover lost jobs. */
  async relayOnce(): Promise<void> {
    while ((await this.dispatcher.dispatch()) >= this.config.relayBatchSize && !this.stopping) {
      // a full batch: there may be more
    }
    this.ticks += 1;
    if (this.ticks % RECOVER_EVERY_TICKS === 0) await this.dispatcher.recoverLost();
  }

  private schedule(delay: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.tick = this.relayOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Relay pass failed'))
        .finally(() => this.schedule(this.config.relayIntervalMs));
    }, delay);
  }

  /** Stops the relay, lets active sends finish, then lets go of Redis. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.tick;
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
