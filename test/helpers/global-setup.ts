import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { databaseUrl, dropDatabase, TEMPLATE_DATABASE, withAdminClient } from './databases';

/** Migrates one template database; every test file clones it (CREATE DATABASE ... TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  await withAdminClient(async (client) => {
    const leftovers = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'startup_test_%'`);
    for (const row of leftovers.rows) await dropDatabase(client, row.datname);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  });
  const dataSource = await new DataSource(typeormOptions(databaseUrl(TEMPLATE_DATABASE), 1)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
