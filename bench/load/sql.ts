import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Pool } from 'pg';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { call, Recorder } from './driver';
import { Operation, OpContext, seeded } from './mix';

interface Statement {
  text: string;
  values?: unknown[];
}

/** The statements one request sent, in groups: those of a group were in flight together (Promise.all in the service). */
export interface Trace {
  groups: Statement[][];
  transaction: boolean;
  statements: number;
}

export interface OpTraces {
  traces: Trace[];
}

/** A read slower than this alone is replayed by one client (see replayOp). */
const SLOW_MS = 500;

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/**
 * Records every statement the api sends to PostgreSQL while one request at a time is served: an
 * api (AppModule, as main.ts configures it) in this process, with pg's Client.prototype.query
 * wrapped, so what is recorded is what went over the wire (TypeORM's pagination queries and
 * transaction statements included), with its parameters. Its public cache is off, so every
 * sample is what a cache miss costs.
 */
export async function traceReads(
  ops: Operation[],
  context: Omit<OpContext, 'rng'>,
  samples: number,
): Promise<Map<string, OpTraces>> {
  const proto = Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  let current: { groups: Statement[][]; inFlight: number } | null = null;
  proto.query = function (this: Client, ...args: unknown[]) {
    const trace = current;
    if (!trace) return original.apply(this, args);
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text: string }).text;
    const values = Array.isArray(second) ? (second as unknown[]) : (first as { values?: unknown[] }).values;
    if (trace.inFlight++ === 0) trace.groups.push([]);
    trace.groups[trace.groups.length - 1].push({ text, values });
    const result = original.apply(this, args);
    const done = () => void (trace.inFlight -= 1);
    if (result instanceof Promise) result.then(done, done);
    else done();
    return result;
  };
  const cacheSeconds = process.env.PUBLIC_CACHE_SECONDS;
  process.env.PUBLIC_CACHE_SECONDS = '0';
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  if (cacheSeconds === undefined) delete process.env.PUBLIC_CACHE_SECONDS;
  else process.env.PUBLIC_CACHE_SECONDS = cacheSeconds;
  try {
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const traced = new Map<string, OpTraces>();
    const ctx: OpContext = { ...context, rng: seeded(7) };
    const once = async (spec: ReturnType<NonNullable<Operation['read']>>) => {
      current = { groups: [], inFlight: 0 };
      const trace = current;
      try {
        const { status, text } = await call(origin, spec);
        if (status !== 200) throw new Error(`tracing ${spec.method} ${spec.path}: ${status} ${text.slice(0, 200)}`);
      } finally {
        current = null;
      }
      const statements = trace.groups.flat();
      return {
        groups: trace.groups,
        statements: statements.length,
        transaction: statements.some((s) => /^(START TRANSACTION|BEGIN)/i.test(s.text)),
      };
    };
    for (const op of ops) {
      if (!op.read) continue;
      // The same request sends the same statements: each distinct one is recorded once.
      const seen = new Map<string, Trace>();
      const traces: Trace[] = [];
      for (let i = 0; i < samples; i += 1) {
        const spec = op.read(ctx);
        const key = `${spec.method} ${spec.path} ${spec.token ?? ''}`;
        let trace = seen.get(key);
        if (!trace) seen.set(key, (trace = await once(spec)));
        traces.push(trace);
      }
      traced.set(op.name, { traces });
    }
    return traced;
  } finally {
    proto.query = original;
    await app.close();
  }
}

async function execute(pool: Pool, trace: Trace): Promise<void> {
  if (trace.transaction) {
    const client = await pool.connect();
    try {
      for (const s of trace.groups.flat()) await client.query(s.text, s.values);
    } finally {
      client.release();
    }
    return;
  }
  for (const group of trace.groups) await Promise.all(group.map((s) => pool.query(s.text, s.values)));
}

/**
 * One read's SQL alone, straight through `pg`: `concurrency` clients, each step one recorded
 * request's statements (a random one of the op's samples), over a pool as large as the api's.
 */
export async function replayOp(options: {
  pool: Pool;
  op: Operation;
  traces: OpTraces;
  concurrency: number;
  durationSeconds: number;
  recorder: Recorder;
  aborted: () => boolean;
}): Promise<{ seconds: number; concurrency: number }> {
  const traces = options.traces.traces.filter((t) => t.statements > 0);
  if (traces.length === 0) return { seconds: 0, concurrency: 0 };
  // Warm-up: connections opened, the tables' pages in memory; and the slowest request's time alone.
  let slowest = 0;
  for (const t of new Set(traces)) {
    const t0 = performance.now();
    await execute(options.pool, t);
    slowest = Math.max(slowest, performance.now() - t0);
  }
  // A read that takes seconds alone would keep C clients busy long past the window: one client then.
  const concurrency = slowest > SLOW_MS ? 1 : options.concurrency;
  const started = performance.now();
  const end = started + options.durationSeconds * 1000;
  options.recorder.recording = true;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, vu) => {
      const rng = seeded(4242 + vu);
      while (performance.now() < end && !options.aborted()) {
        const trace = traces[Math.floor(rng() * traces.length)];
        const t0 = performance.now();
        try {
          await execute(options.pool, trace);
          options.recorder.record(options.op.name, performance.now() - t0, 'ok', true);
        } catch (error) {
          options.recorder.record(
            options.op.name,
            performance.now() - t0,
            (error instanceof Error ? error.message : String(error)).slice(0, 80),
            false,
          );
        }
      }
    }),
  );
  options.recorder.recording = false;
  return { seconds: (performance.now() - started) / 1000, concurrency };
}
