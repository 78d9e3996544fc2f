import { DataSource } from 'typeorm';

/** Any constant works; it only has to be the same for every replica of this service. */
const MIGRATION_LOCK_KEY = 727_040_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas starting together
 * take turns: the first migrates, the others wait and then find nothing left to do.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
