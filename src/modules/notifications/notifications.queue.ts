import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { bullPrefix, NOTIFICATION_JOB, NotificationJobData, producerConnection, QUEUES } from '../../queue/queues';
import { withTimeout } from '../../queue/with-timeout';

/** The producer side of the `notifications` queue, with its own fail-fast Redis connection. */
@Injectable()
export class NotificationsQueue implements OnApplicationShutdown {
  readonly queue: Queue<NotificationJobData>;
  private readonly connection: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = producerConnection(config);
    // Errors surface on the calls; without a listener ioredis would also print them.
    this.connection.on('error', () => undefined);
    this.queue = new Queue<NotificationJobData>(QUEUES.notifications, {
      connection: this.connection,
      prefix: bullPrefix(config),
    });
    this.queue.on('error', () => undefined);
  }

  /** Job id per row and generation: adding the same row twice is a no-op while its job exists. */
  static jobId(id: string, generation: number): string {
    return `${id}-g${generation}`;
  }

  async addAll(rows: { id: string; generation: number }[]): Promise<void> {
    await withTimeout(
      this.queue.addBulk(
        rows.map((row) => ({
          name: NOTIFICATION_JOB,
          data: { notificationId: row.id },
          opts: {
            jobId: NotificationsQueue.jobId(row.id, row.generation),
            attempts: this.config.notificationAttempts,
            backoff: { type: 'exponential', delay: this.config.notificationBackoffMs, jitter: 0.5 },
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 5000 },
          },
        })),
      ),
      this.config.queueAddTimeoutMs,
      'Redis (adding notification jobs)',
    );
  }

  /** Whether a job of this row and generation is still waiting, delayed or running in Redis. */
  async hasLiveJob(id: string, generation: number): Promise<boolean> {
    const jobId = NotificationsQueue.jobId(id, generation);
    const state = await withTimeout(
      this.queue.getJobState(jobId),
      this.config.queueAddTimeoutMs,
      'Redis (reading a job)',
    );
    return ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'].includes(state);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
