import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { bullPrefix, QUEUES, ReviewJobData, workerConnection } from '../../queue/queues';
import { AssignmentRunner } from './assignment-runner';
import { RoundFinalizer } from './round-finalizer';

/** The `reviews` queue consumer: assignment runs and round finalizing, one at a time per worker. */
@Injectable()
export class ReviewsWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReviewsWorker.name);
  private worker?: Worker<ReviewJobData>;
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: AssignmentRunner,
    private readonly finalizer: RoundFinalizer,
  ) {}

  onModuleInit(): void {
    this.connection = workerConnection(this.config);
    this.connection.on('error', () => undefined);
    this.worker = new Worker<ReviewJobData>(QUEUES.reviews, (job) => this.process(job), {
      connection: this.connection,
      prefix: bullPrefix(this.config),
      concurrency: 1,
      // A national round takes seconds to solve or finalize; the lock must outlive it.
      lockDuration: Math.max(this.config.jobLockMs, 120_000),
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'Reviews worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.error({ err: error, job: job?.name, data: job?.data }, 'Review job failed'),
    );
  }

  async process(job: Job<ReviewJobData>): Promise<unknown> {
    const data = job.data;
    switch (data.kind) {
      case 'assign': {
        const run = await this.runner.run(data.runId);
        return { status: run?.status ?? 'missing' };
      }
      case 'finalize':
        return { finalized: await this.finalizer.finalize(data.roundId) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
