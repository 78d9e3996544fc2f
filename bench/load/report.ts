import { Checks, MailFigures } from './checks';
import { OpStats, percentiles, Recorder } from './driver';
import { Operation } from './mix';
import { RuntimeKind } from './processes';
import { ResourceFigures } from './resources';
import { OpTraces } from './sql';

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const round = (v: number, digits = 1) => +v.toFixed(digits);
/** Ratios keep two significant digits however small (0.0041x, not 0x). */
const ratio = (v: number) => `${+v.toPrecision(2)}x`;

export interface Measured {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Share of answers the api served from its public cache, in percent. */
  cacheHitPercent: number;
  outcomes: Record<string, number>;
}

function measured(s: OpStats, seconds: number): Measured {
  return {
    count: s.latencies.length,
    perSecond: round(s.latencies.length / seconds),
    ...percentiles(s.latencies),
    errors: s.errors,
    cacheHitPercent: Math.round((100 * s.cacheHits) / Math.max(1, s.latencies.length)),
    outcomes: s.outcomes,
  };
}

export type OpRow = Measured & { name: string };

/** One row per recorded request name, in the order of the mix (a write flow's requests where the flow stands). */
export function mixRows(ops: Operation[], http: Recorder, seconds: number): OpRow[] {
  const order = ops.flatMap((op) => op.records ?? [op.name]);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...http.ops.keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((name) => ({ name, ...measured(http.ops.get(name)!, seconds) }));
}

export function mixTable(rows: OpRow[], totals: { count: number; perSecond: number; errors: number }): string {
  const body = rows.map((r) => [
    r.name,
    r.count,
    r.perSecond,
    r.p50,
    r.p99,
    r.max,
    r.errors,
    r.cacheHitPercent ? `${r.cacheHitPercent}%` : '',
  ]);
  body.push(['all requests', totals.count, totals.perSecond, '', '', '', totals.errors, '']);
  return table(['operation (mix)', 'count', 'per s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'cached'], body);
}

export interface IsolatedRow {
  name: string;
  /** Statements one request sends to PostgreSQL (a cache miss), mean over the traced samples. */
  statements: number;
  /** Clients of the SQL replay: the api's concurrency, or 1 for a read that takes over half a second alone. */
  sqlClients: number;
  http: Measured;
  sql: Measured;
  ratioP50: number;
  ratioP99: number;
  /** SQL requests per second over api requests per second. */
  throughputRatio: number;
}

/** Each read alone over HTTP and its SQL alone over `pg`, at the same concurrency. */
export function isolatedRows(
  alone: Map<
    string,
    { http: { stats: OpStats; seconds: number }; sql?: { stats: OpStats; seconds: number; clients: number } }
  >,
  traces: Map<string, OpTraces>,
): IsolatedRow[] {
  return [...alone].flatMap(([name, { http, sql }]) => {
    const traced = traces.get(name);
    if (!sql || !traced || sql.stats.latencies.length === 0) return [];
    const h = measured(http.stats, http.seconds);
    const q = measured(sql.stats, sql.seconds);
    return [
      {
        name,
        sqlClients: sql.clients,
        statements: round(traced.traces.reduce((sum, t) => sum + t.statements, 0) / traced.traces.length),
        http: h,
        sql: q,
        ratioP50: +(h.p50 / Math.max(q.p50, 0.1)).toPrecision(3),
        ratioP99: +(h.p99 / Math.max(q.p99, 0.1)).toPrecision(3),
        throughputRatio: +(q.perSecond / Math.max(h.perSecond, 0.1)).toPrecision(3),
      },
    ];
  });
}

export function isolatedTable(rows: IsolatedRow[]): string {
  return table(
    [
      'read alone',
      'api per s',
      'p50 ms',
      'p99 ms',
      'errors',
      'cached',
      'SQL stmts',
      'SQL per s',
      'p50 ms',
      'p99 ms',
      'api/SQL p50',
      'api/SQL p99',
      'SQL/api per s',
    ],
    rows.map((r) => [
      r.name,
      r.http.perSecond,
      r.http.p50,
      r.http.p99,
      r.http.errors + r.sql.errors,
      r.http.cacheHitPercent ? `${r.http.cacheHitPercent}%` : '',
      r.statements,
      r.sqlClients === 1 ? `${r.sql.perSecond} (1 client)` : r.sql.perSecond,
      r.sql.p50,
      r.sql.p99,
      ratio(r.ratioP50),
      ratio(r.ratioP99),
      ratio(r.throughputRatio),
    ]),
  );
}

export function resourcesTable(figures: Record<string, ResourceFigures>, requests: number): string {
  const label: Record<string, string> = {
    api: 'api',
    worker: 'worker',
    postgres: 'PostgreSQL backends (private memory)',
    bench: 'load generator (this process)',
  };
  const rows = ['api', 'worker', 'postgres', 'bench']
    .filter((k) => figures[k])
    .map((k) => {
      const f = figures[k];
      const name = k === 'postgres' ? `${label[k]}, ${f.processes ?? 0}` : label[k];
      return [
        name,
        f.idleMb,
        f.peakMb,
        f.meanMb,
        f.cores,
        f.cpuSeconds,
        requests ? round((f.cpuSeconds * 1000) / requests, 2) : '',
      ];
    });
  return table(
    ['process (during the mix)', 'idle MB', 'peak MB', 'mean MB', 'CPU cores', 'CPU s', 'CPU ms/request'],
    rows,
  );
}

export interface Summary {
  n: number;
  concurrency: number;
  mix: string;
  runtime: RuntimeKind;
  logLevel: string;
  seeded: Record<string, number>;
  skipped: string[];
  window: {
    warmupSeconds: number;
    seconds: number;
    steps: number;
    requests: number;
    perSecond: number;
    errors: number;
  };
  aloneSeconds: number;
  resources: Record<string, ResourceFigures>;
  backends: Record<string, { mean: number; peak: number }>;
  mail: MailFigures;
  checks: Checks;
  exits: Record<string, string>;
  phases: Record<string, number>;
  totalSeconds: number;
}

export function printReport(s: Summary, rows: OpRow[], alone: IsolatedRow[]): void {
  const w = s.window;
  const d = s.seeded;
  console.log(
    `\nload: n=${s.n} (${d.applications} applications, ${d.jurors} jurors, ${d.assignments} assignments, ${d.users} users; seeded in ${d.seconds} s), ` +
      `${s.concurrency} virtual users (${s.mix === 'reads' ? 'reads only' : 'full mix'}) for ${w.seconds.toFixed(0)} s after ${w.warmupSeconds} s of warm-up; ` +
      `api and worker one process each (${s.runtime}, logs at ${s.logLevel}), pools of 10`,
  );
  if (s.skipped.length) console.log(`skipped (route not there): ${s.skipped.join(', ')}`);
  console.log(
    `\n${mixTable(rows, { count: w.requests, perSecond: w.perSecond, errors: rows.reduce((sum, r) => sum + r.errors, 0) })}`,
  );
  console.log(`${w.steps} steps, ${w.requests} requests, ${w.perSecond} requests/s`);
  console.log(`\n${resourcesTable(s.resources, w.requests)}`);
  const b = s.backends;
  console.log(
    `PostgreSQL backends of the run, sampled each second (mean / peak): running a statement ${b.active.mean} / ${b.active.peak}, ` +
      `waiting for a lock ${b.lockWaits.mean} / ${b.lockWaits.peak}, idle in a transaction ${b.idleInTransaction.mean} / ${b.idleInTransaction.peak}`,
  );
  console.log(`\n${isolatedTable(alone)}`);
  console.log(
    `each read alone: ${s.concurrency} clients for ${s.aloneSeconds} s over HTTP (the api as it ran), then its recorded SQL over pg (pool of 10, cache misses)`,
  );
  console.log(
    `\n${table(
      ['check', 'result'],
      Object.entries(s.checks).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
    )}`,
  );
  console.log(`\nmail: ${JSON.stringify(s.mail)}; exits: ${JSON.stringify(s.exits)}`);
  console.log(
    `seconds: ${Object.entries(s.phases)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; total ${s.totalSeconds}\n`,
  );
}
