import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { configureApp } from '../../src/configure-app';
import { databaseUrl, dropDatabase, templateDatabase, testDatabaseName, withAdminClient } from './databases';

export interface TestContext {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** A database of this test file's own, for tests that need more than the app (workers, CLIs). */
  databaseName: string;
  close: () => Promise<void>;
}

/** A fresh database cloned from the migrated template, and a Redis key prefix of its own. */
export async function createTestDatabase(): Promise<string> {
  const name = testDatabaseName();
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  return name;
}

export function testConfig(databaseName: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl(databaseName),
    DATABASE_POOL_SIZE: '12',
    REDIS_PREFIX: `test:${databaseName}`,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    // Suites read public pages right after changing what they show; the cache has its own tests.
    PUBLIC_CACHE_SECONDS: '0',
    ...overrides,
  });
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestContext> {
  const databaseName = await createTestDatabase();
  const config = testConfig(databaseName, overrides);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    http: () => request(server),
    databaseName,
    close: async () => {
      await app.close();
      await clearRedisPrefix(config);
      await withAdminClient((client) => dropDatabase(client, databaseName));
    },
  };
}

export async function clearRedisPrefix(config: AppConfig): Promise<void> {
  const redis = new Redis(config.redisUrl);
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
    await redis.quit();
  }
}
