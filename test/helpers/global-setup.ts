import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { databaseUrl, dropAbandonedDatabases, templateDatabase, withAdminClient } from './databases';

/** Migrates one template database per run; every test file clones it (CREATE DATABASE ... TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  process.env.STARTUP_TEST_RUN = String(process.pid);
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
