import { Injectable } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../src/config/app-config';
import { APP_CONFIG, ConfigModule } from '../src/config/config.module';
import { bullPrefix, QUEUES, SCHEDULED_JOBS } from '../src/queue/queues';
import { Scheduled } from '../src/queue/scheduled';
import { SchedulesModule } from '../src/queue/schedules.module';
import { clearRedisPrefix, testConfig } from './helpers/test-app';
import { testDatabaseName } from './helpers/databases';

/** Stands in for the competitions module: the one feature that handles its scheduled job. */
@Injectable()
class ClosesCompetitions {
  runs = 0;

  @Scheduled({ job: SCHEDULED_JOBS.closeDueCompetitions, every: (config) => config.competitionCloseEveryMs })
  async closeDue(): Promise<{ closed: string[] }> {
    this.runs += 1;
    return { closed: [] };
  }
}

/** Stands in for the other features. */
@Injectable()
class SweepsTheRest {
  @Scheduled({ job: SCHEDULED_JOBS.remindDrafts, every: (config) => config.draftReminderEveryMs })
  async remindDrafts(): Promise<void> {}

  @Scheduled({ job: SCHEDULED_JOBS.lapseReturns, every: (config) => config.returnLapseEveryMs })
  async lapseReturns(): Promise<void> {}

  @Scheduled({ job: SCHEDULED_JOBS.reviewSweep, every: (config) => config.reviewSweepEveryMs })
  async reviewSweep(): Promise<void> {}

  @Scheduled({ job: SCHEDULED_JOBS.awardSweep, every: (config) => config.awardSweepEveryMs })
  async awardSweep(): Promise<void> {}

  @Scheduled({ job: SCHEDULED_JOBS.staffDigest, every: (config) => config.staffDigestEveryMs })
  async staffDigest(): Promise<void> {}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('worker schedules: each feature registers its own jobs', () => {
  // No database: the schedules need only the config and Redis (a prefix of this file's own).
  const config: AppConfig = testConfig(testDatabaseName('schedules'), {
    COMPETITION_CLOSE_EVERY_MS: '1000',
    AWARD_SWEEP_EVERY_MS: '3600000',
  });
  let connection: Redis;
  let queue: Queue;

  beforeAll(() => {
    connection = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    queue = new Queue(QUEUES.schedules, { connection, prefix: bullPrefix(config) });
  });

  afterAll(async () => {
    await queue.close();
    await connection.quit();
    await clearRedisPrefix(config);
  });

  const worker = (...features: (typeof ClosesCompetitions | typeof SweepsTheRest)[]): Promise<TestingModule> =>
    Test.createTestingModule({ imports: [ConfigModule, SchedulesModule], providers: features })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();

  it('does not start when a scheduled job has no handler, names every such job, and writes no schedule', async () => {
    const incomplete = await worker(ClosesCompetitions);
    await expect(incomplete.init()).rejects.toThrow(
      'The schedules are incomplete: applications.remind-drafts has no handler; applications.lapse-returns has no handler; reviews.sweep has no handler; awards.sweep has no handler',
    );
    // Nest's close() rethrows the failed start; the worker opened nothing before it failed.
    await expect(incomplete.close()).rejects.toThrow('The schedules are incomplete');
    await expect(queue.getJobSchedulersCount()).resolves.toBe(0);
  });

  it('starts when every scheduled job has its handler: one scheduler each, every so often as the config says', async () => {
    const complete = await worker(ClosesCompetitions, SweepsTheRest);
    await complete.init();
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(Object.fromEntries(schedulers.map((s) => [s.key, Number(s.every)]))).toEqual({
        [SCHEDULED_JOBS.closeDueCompetitions]: 1000,
        [SCHEDULED_JOBS.remindDrafts]: config.draftReminderEveryMs,
        [SCHEDULED_JOBS.lapseReturns]: config.returnLapseEveryMs,
        [SCHEDULED_JOBS.reviewSweep]: config.reviewSweepEveryMs,
        [SCHEDULED_JOBS.awardSweep]: 3600000,
        [SCHEDULED_JOBS.staffDigest]: config.staffDigestEveryMs,
      });
      // The job runs its feature's handler.
      const handler = complete.get(ClosesCompetitions);
      const deadline = Date.now() + 15_000;
      while (handler.runs === 0 && Date.now() < deadline) await sleep(100);
      expect(handler.runs).toBeGreaterThan(0);
    } finally {
      await complete.close();
    }
  });
});
