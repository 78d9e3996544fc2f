import { Operation, OpContext, RequestSpec, Send, seeded, weightedPicker } from './mix';

const REQUEST_TIMEOUT_MS = 30000;

export interface OpStats {
  latencies: number[];
  errors: number;
  /** Answers served from the api's public cache (`X-Cache: hit`). */
  cacheHits: number;
  outcomes: Record<string, number>;
}

export class Recorder {
  readonly ops = new Map<string, OpStats>();
  recording = false;

  record(name: string, ms: number, outcome: string, ok: boolean, cacheHit = false): void {
    if (!this.recording) return;
    let s = this.ops.get(name);
    if (!s) this.ops.set(name, (s = { latencies: [], errors: 0, cacheHits: 0, outcomes: {} }));
    s.latencies.push(ms);
    if (cacheHit) s.cacheHits += 1;
    s.outcomes[outcome] = (s.outcomes[outcome] ?? 0) + 1;
    if (!ok) s.errors += 1;
  }
}

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const ms = (v: number) => +v.toFixed(1);
  return { p50: ms(at(0.5)), p99: ms(at(0.99)), max: ms(sorted[sorted.length - 1] ?? 0) };
}

/** One HTTP request; the body is read in full (as a client would), parsed only when asked for. */
export async function call(
  origin: string,
  spec: RequestSpec,
): Promise<{ status: number; text: string; cacheHit: boolean }> {
  const headers: Record<string, string> = {};
  if (spec.token) headers.authorization = `Bearer ${spec.token}`;
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(origin + spec.path, {
    method: spec.method,
    headers,
    body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text(), cacheHit: res.headers.get('x-cache') === 'hit' };
}

function outcomeOf(status: number, text: string): string {
  if (status < 400) return String(status);
  try {
    return `${status} ${(JSON.parse(text) as { code?: string }).code ?? ''}`.trim();
  } catch {
    return String(status);
  }
}

export function sender(origin: string, recorder: Recorder): Send {
  return async (name, spec, expect) => {
    const t0 = performance.now();
    try {
      const { status, text, cacheHit } = await call(origin, spec);
      const ok = status === expect;
      recorder.record(name, performance.now() - t0, ok ? String(status) : outcomeOf(status, text), ok, cacheHit);
      return { status, json: () => JSON.parse(text) as unknown };
    } catch (error) {
      recorder.record(
        name,
        performance.now() - t0,
        (error instanceof Error ? error.message : String(error)).slice(0, 80),
        false,
      );
      return null;
    }
  };
}

export interface MixRun {
  warmupSeconds: number;
  seconds: number;
  iterations: number;
}

/**
 * `concurrency` virtual users, each taking weighted steps back to back (a closed loop, no think
 * time) for `warmup + duration` seconds; only steps started after the warm-up are recorded.
 */
export async function runMix(options: {
  ops: Operation[];
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
  context: (vu: number) => Omit<OpContext, 'rng'>;
  send: Send;
  recorder: Recorder;
  onWindow: (phase: 'start' | 'end') => void;
  aborted: () => boolean;
}): Promise<MixRun> {
  const next = weightedPicker(options.ops);
  const t0 = performance.now();
  const measureFrom = t0 + options.warmupSeconds * 1000;
  const end = measureFrom + options.durationSeconds * 1000;
  let iterations = 0;
  // The window starts when its timer fires (a busy event loop may fire it late): throughput is counted from then.
  let windowStart = measureFrom;
  const windowTimer = setTimeout(() => {
    windowStart = performance.now();
    options.recorder.recording = true;
    options.onWindow('start');
  }, options.warmupSeconds * 1000);
  const users = Array.from({ length: options.concurrency }, async (_, vu) => {
    const ctx: OpContext = { ...options.context(vu), rng: seeded(2027 + vu) };
    while (performance.now() < end && !options.aborted()) {
      const op = next(ctx.rng);
      if (op.flow) await op.flow(ctx, options.send);
      else await options.send(op.name, op.read!(ctx), 200);
      if (options.recorder.recording) iterations += 1;
    }
  });
  await Promise.all(users);
  clearTimeout(windowTimer);
  options.recorder.recording = false;
  options.onWindow('end');
  const seconds = (performance.now() - windowStart) / 1000;
  return { warmupSeconds: options.warmupSeconds, seconds, iterations };
}

/** One read alone: `concurrency` clients calling it back to back for `seconds` after half a second of warm-up. */
export async function runIsolated(options: {
  origin: string;
  op: Operation;
  concurrency: number;
  seconds: number;
  context: Omit<OpContext, 'rng'>;
  send: Send;
  recorder: Recorder;
  aborted: () => boolean;
}): Promise<MixRun> {
  // Each distinct request once, one at a time, first: an expired cache entry is refilled by one
  // request, not by every client at once (that herd is the mix's business, not this measurement's).
  const ctx: OpContext = { ...options.context, rng: seeded(99) };
  const distinct = new Map(
    Array.from({ length: 20 }, () => options.op.read!(ctx)).map((spec) => [`${spec.path} ${spec.token ?? ''}`, spec]),
  );
  for (const spec of distinct.values()) await call(options.origin, spec).catch(() => undefined);
  return runMix({
    ops: [options.op],
    concurrency: options.concurrency,
    warmupSeconds: 0.5,
    durationSeconds: options.seconds,
    context: () => options.context,
    send: options.send,
    recorder: options.recorder,
    onWindow: () => undefined,
    aborted: options.aborted,
  });
}
