import Redis from 'ioredis';
import { Client } from 'pg';
import { AppConfig, loadConfig } from '../src/config/app-config';

/** A fresh database of the benchmark's own on the local server; the caller drops it with `admin`. */
export async function createBenchDatabase(tag: string): Promise<{ admin: Client; name: string; url: URL }> {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `startup_bench_${tag}_${process.pid}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { admin, name, url };
}

/**
 * The configuration of a benchmark's own api or worker: its database, its Redis prefix, silent
 * logs and no admin bootstrap, plus `extra`. Also put into `process.env`, as the app reads it there.
 */
export function benchConfig(name: string, url: URL, extra: Record<string, string> = {}): AppConfig {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url.toString(),
    REDIS_PREFIX: `bench:${name}`,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    ...extra,
  };
  Object.assign(process.env, env);
  return loadConfig(env);
}

/** Deletes the benchmark's Redis keys (queue keys carry the prefix inside a hash tag); returns how many. */
export async function clearBenchRedis(config: AppConfig): Promise<number> {
  const redis = new Redis(config.redisUrl);
  let deleted = 0;
  try {
    for (const pattern of [`${config.redisPrefix}:*`, `{${config.redisPrefix}}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) deleted += await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return deleted;
}

/** The end of every benchmark, however it went: its Redis keys and its database removed, and said so. */
export async function dropBenchDatabase(admin: Client, name: string, config: AppConfig): Promise<void> {
  const redisKeysDeleted = await clearBenchRedis(config).catch(() => -1);
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  console.error(`cleaned up: database ${name} dropped, ${redisKeysDeleted} redis keys deleted`);
}
