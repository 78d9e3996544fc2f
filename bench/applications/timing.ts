import { Draft } from './seeding';

// The timing of a batch of submissions, for applications.bench.ts.

/** Runs `work` over every item with at most `concurrency` in flight. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

export const ms = (value: number) => +value.toFixed(1);

export function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return { p50: ms(at(0.5)), p95: ms(at(0.95)), max: ms(sorted[sorted.length - 1]) };
}

export interface Phase {
  seconds: number;
  perSecond: number;
  ok: number;
  failures: Record<string, number>;
  latencyMs: { p50: number; p95: number; max: number };
}

/** Times a batch of operations; each returns an outcome label ('ok' or what went wrong). */
export async function timed(
  drafts: Draft[],
  concurrency: number,
  submit: (draft: Draft) => Promise<string>,
): Promise<Phase> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  const started = performance.now();
  await eachConcurrently(drafts, concurrency, async (draft) => {
    const t0 = performance.now();
    let outcome: string;
    try {
      outcome = await submit(draft);
    } catch (error) {
      outcome = error instanceof Error ? error.message.slice(0, 120) : String(error);
    }
    latencies.push(performance.now() - t0);
    if (outcome === 'ok') ok += 1;
    else failures[outcome] = (failures[outcome] ?? 0) + 1;
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(drafts.length / seconds),
    ok,
    failures,
    latencyMs: percentiles(latencies),
  };
}
