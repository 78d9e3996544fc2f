import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { typeormOptions } from '../src/database/typeorm-options';
import { ENTITIES } from '../src/entities';
import { MIGRATIONS } from '../migrations';
import { createEmptyDatabase, databaseUrl, dropDatabase, withAdminClient } from './helpers/databases';
import { createTestDatabase } from './helpers/test-app';

describe('schema and migrations', () => {
  const created: string[] = [];
  afterAll(async () => {
    await withAdminClient(async (client) => {
      for (const name of created) await dropDatabase(client, name);
    });
  });

  it('lists every migration file in migrations/index.ts', () => {
    const files = readdirSync(join(__dirname, '..', 'migrations')).filter((f) => /^\d+-\w+\.ts$/.test(f));
    const names = MIGRATIONS.map((m) => m.name);
    expect(files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')).sort()).toEqual([...names].sort());
  });

  it('entities and migrations do not drift: the migrated schema needs no change', async () => {
    const name = await createTestDatabase();
    created.push(name);
    const dataSource = await new DataSource(typeormOptions(databaseUrl(name), 1, ENTITIES)).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('migrations run once when several replicas start together, and revert cleanly', async () => {
    const name = await createEmptyDatabase('empty');
    created.push(name);
    // A pool of one connection each: the lock and the migrations must share it.
    const sources = await Promise.all(
      [1, 2, 3].map(() => new DataSource(typeormOptions(databaseUrl(name), 1)).initialize()),
    );
    try {
      const applied = await Promise.all(sources.map((s) => runMigrationsUnderLock(s)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.name));
      const head = await sources[0].query('SELECT seq, hash FROM audit_chain_head');
      expect(head).toEqual([{ seq: '0', hash: '0'.repeat(64) }]);
      for (let i = 0; i < MIGRATIONS.length; i += 1) await sources[0].undoLastMigration({ transaction: 'each' });
      const tables = await sources[0].query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      expect(tables).toEqual([{ tablename: 'migrations' }]);
      await expect(runMigrationsUnderLock(sources[0])).resolves.toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
