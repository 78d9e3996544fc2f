import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

/**
 * Empties everything the demo keeps, so `migrate` and `seed` start it afresh: every table (the
 * schema is dropped and made again, which also passes the audit log's append-only triggers), this
 * service's Redis keys (queues, schedules, rate limits) and the mail and attachment folders.
 * Never in production. Stop the api and worker first: they would fail while the tables are gone.
 */
export async function resetDemoState(config: AppConfig): Promise<void> {
  if (config.nodeEnv === 'production')
    throw new Error('reset-demo deletes every record; it does not run in production');
  const db = new Client({ connectionString: config.databaseUrl });
  await db.connect();
  try {
    await db.query('DROP SCHEMA public CASCADE');
    await db.query('CREATE SCHEMA public');
  } finally {
    await db.end();
  }
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of [`${config.redisPrefix}:*`, `{${config.redisPrefix}}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  for (const dir of [config.mailDir, config.attachmentDir]) await rm(resolve(dir), { recursive: true, force: true });
}
