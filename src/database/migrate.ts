import { DataSource, MigrationExecutor } from 'typeorm';

/** Any constant works; it only has to be the same for every replica of this service. */
const MIGRATION_LOCK_KEY = 727_040_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas starting together
 * take turns: the first migrates, the others wait and then find nothing left to do. The lock and
 * the migrations share one connection, so this works with a pool of one. A session lock needs a
 * direct connection to PostgreSQL (not PgBouncer in transaction mode).
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
