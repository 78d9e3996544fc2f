import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { bullPrefix, producerConnection, QUEUES, ReviewJobData } from '../../queue/queues';
import { withTimeout } from '../../queue/with-timeout';

/**
 * The producer side of the `reviews` queue: assignment runs and round finalizing, heavy work the
 * worker does. Job ids are the run or round id, so asking twice queues one job.
 */
@Injectable()
export class ReviewsQueue implements OnApplicationShutdown {
  readonly queue: Queue<ReviewJobData>;
  private readonly connection: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = producerConnection(config);
    this.connection.on('error', () => undefined);
    this.queue = new Queue<ReviewJobData>(QUEUES.reviews, { connection: this.connection, prefix: bullPrefix(config) });
    this.queue.on('error', () => undefined);
  }

  async add(data: ReviewJobData): Promise<void> {
    const jobId = data.kind === 'assign' ? `assign-${data.runId}` : `finalize-${data.roundId}`;
    // BullMQ ignores an add whose id belongs to a failed job it still keeps: clear it, so asking
    // again (or the sweep) really runs the work again.
    const previous = await withTimeout(
      this.queue.getJob(jobId),
      this.config.queueAddTimeoutMs,
      'Redis (reading a review job)',
    );
    if (previous && (await previous.isFailed())) await previous.remove();
    await withTimeout(
      this.queue.add(data.kind, data, {
        jobId,
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: true,
        removeOnFail: { count: 1000 },
      }),
      this.config.queueAddTimeoutMs,
      'Redis (adding a review job)',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
