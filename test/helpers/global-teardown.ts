import { removeBuild } from './build';
import { dropDatabase, runId, RUN_PREFIX, withAdminClient } from './databases';

/** Drops every database this run made, the template included, and removes the run's build. */
export default async function globalTeardown(): Promise<void> {
  await removeBuild();
  await withAdminClient(async (client) => {
    const rows = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${RUN_PREFIX}${runId()}\\_%`,
    ]);
    for (const { datname } of rows.rows) await dropDatabase(client, datname);
  });
}
