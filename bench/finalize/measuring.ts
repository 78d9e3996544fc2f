// What finalize.bench.ts measures besides the wall clock: memory over the run, and each traced call.

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

export const memoryNow = (): MemorySample => {
  const m = process.memoryUsage();
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  };
};

/** Samples memory every 50 ms until stopped; returns the peaks of each figure and the number of samples. */
export function sampleMemory(): () => { peak: MemorySample; samples: number; maxGapMs: number } {
  const peak = memoryNow();
  let samples = 1;
  let last = performance.now();
  let maxGapMs = 0;
  const take = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    samples += 1;
    const m = memoryNow();
    for (const key of Object.keys(peak) as (keyof MemorySample)[]) peak[key] = Math.max(peak[key], m[key]);
  };
  const timer = setInterval(take, 50);
  return () => {
    clearInterval(timer);
    take();
    return { peak, samples, maxGapMs: Math.round(maxGapMs) };
  };
}

/** The kernel's high-water mark of this process's resident set (covers what a blocked sampler misses). */
export const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

export interface Call {
  step: string;
  startMs: number;
  ms: number;
}

/**
 * Wraps async methods of provider instances to record when each call started and how long it took,
 * relative to `origin()`. Returns a function that puts the original methods back.
 */
export function traceMethods(calls: Call[], origin: () => number, targets: [string, object, string[]][]): () => void {
  const restore: (() => void)[] = [];
  for (const [prefix, target, names] of targets) {
    const t = target as Record<string, unknown>;
    for (const name of names) {
      const original = t[name];
      if (typeof original !== 'function') throw new Error(`${prefix}.${name} is not a method`);
      const own = Object.prototype.hasOwnProperty.call(t, name);
      t[name] = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
        const started = performance.now();
        try {
          return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
        } finally {
          calls.push({ step: `${prefix}.${name}`, startMs: started - origin(), ms: performance.now() - started });
        }
      };
      restore.push(() => {
        if (own) t[name] = original;
        else delete t[name];
      });
    }
  }
  return () => restore.forEach((r) => r());
}

export function timedSync<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, +(performance.now() - started).toFixed(1)];
}
