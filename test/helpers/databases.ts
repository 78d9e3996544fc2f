import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where tests create and drop their databases (a maintenance database on the same server). */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Every database of one Jest run carries the run's id (the Jest parent's pid, set by the global
 * setup), so parallel runs on one server never drop each other's databases.
 */
export const runId = (): string => process.env.STARTUP_TEST_RUN ?? String(process.pid);
export const RUN_PREFIX = 'startup_test_';
export const templateDatabase = (): string => `${RUN_PREFIX}${runId()}_template`;
export const testDatabaseName = (tag = 'db'): string =>
  `${RUN_PREFIX}${runId()}_${tag}_${randomBytes(5).toString('hex')}`;

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export async function createEmptyDatabase(tag: string): Promise<string> {
  const name = testDatabaseName(tag);
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  return name;
}

/** Databases left by earlier runs whose Jest process is gone (a crash or a kill). */
export async function dropAbandonedDatabases(client: Client): Promise<void> {
  const rows = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE '${RUN_PREFIX}%'`,
  );
  for (const { datname } of rows.rows) {
    const pid = Number(datname.slice(RUN_PREFIX.length).split('_')[0]);
    if (!Number.isInteger(pid) || !isAlive(pid)) await dropDatabase(client, datname);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
