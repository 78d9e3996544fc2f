import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { buildForTests } from './build';
import { databaseUrl, dropAbandonedDatabases, templateDatabase, withAdminClient } from './databases';

/**
 * Migrates one template database per run; every test file clones it (CREATE DATABASE ... TEMPLATE).
 * Meanwhile compiles the build that child processes (api, worker, CLIs) start from.
 */
export default async function globalSetup(): Promise<void> {
  process.env.STARTUP_TEST_RUN = String(process.pid);
  await Promise.all([buildForTests(), migrateTemplate()]);
}

async function migrateTemplate(): Promise<void> {
  await withAdminClient(async (client) => {
    await dropAbandonedDatabases(client);
    await client.query(`CREATE DATABASE "${templateDatabase()}"`);
  });
  const dataSource = await new DataSource(typeormOptions(databaseUrl(templateDatabase()), 1)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
