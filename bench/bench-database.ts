import { Client } from 'pg';

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
