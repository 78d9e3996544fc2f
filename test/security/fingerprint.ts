import { TestContext } from '../helpers/test-app';

/**
 * Row count and a digest of every row of every table: two equal fingerprints mean nothing in the
 * database changed in between. Tables named in `ignore` are left out (with the reason at the caller).
 */
export async function fingerprint(ctx: TestContext, ignore: string[] = []): Promise<Record<string, string>> {
  const tables = (await ctx.dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
  )) as {
    tablename: string;
  }[];
  const out: Record<string, string> = {};
  for (const { tablename } of tables.filter((t) => !ignore.includes(t.tablename))) {
    const [row] = (await ctx.dataSource.query(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${tablename}" t`,
    )) as {
      digest: string;
    }[];
    out[tablename] = row.digest;
  }
  return out;
}
