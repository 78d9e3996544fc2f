import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux x86 and arm). */
const TICKS = 100;

export interface ProcSample {
  rssMb: number;
  /** Private memory (RssAnon); for PostgreSQL backends the shared buffers they touch are left out. */
  anonMb: number;
  cpuSeconds: number;
}

/** Memory and CPU time of a process from /proc, or null once it is gone. */
export function readProc(pid: number): ProcSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      rssMb: kb('VmRSS') / 1024,
      anonMb: kb('RssAnon') / 1024,
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS,
    };
  } catch {
    return null;
  }
}

interface Series {
  rss: number[];
  cpuStart?: number;
  cpuEnd?: number;
}

export interface ResourceFigures {
  idleMb: number;
  peakMb: number;
  meanMb: number;
  /** Cores busy on average over the measured window (1.0 = one core all the time). */
  cores: number;
  cpuSeconds: number;
  processes?: number;
}

/**
 * Samples the RSS of the api, the worker and this process every 250 ms, and of the benchmark
 * database's PostgreSQL backends (their private memory, summed) every second; CPU time is taken
 * at the start and end of the measured window.
 */
export class ResourceSampler {
  private readonly series = new Map<string, Series>();
  private readonly idle = new Map<string, number>();
  private readonly backendCpu = new Map<number, { first: number; last: number }>();
  private backendPids: number[] = [];
  /** Per second: backends running a statement, waiting for a lock, idle inside a transaction. */
  private readonly activity: { active: number; lockWaits: number; idleInTransaction: number }[] = [];
  private timers: NodeJS.Timeout[] = [];
  private measuring = false;
  private windowStart = 0;
  private windowEnd = 0;

  constructor(
    private readonly pids: Record<string, number>,
    private readonly monitor: Client,
    private readonly database: string,
  ) {}

  async start(): Promise<void> {
    await this.refreshBackends();
    for (const [name, pid] of Object.entries(this.pids)) this.idle.set(name, readProc(pid)?.rssMb ?? 0);
    this.idle.set('postgres', this.backends().anon);
    this.timers.push(setInterval(() => this.sample(), 250));
    this.timers.push(setInterval(() => void this.refreshBackends().catch(() => undefined), 1000));
  }

  beginWindow(): void {
    this.measuring = true;
    this.windowStart = performance.now();
    for (const [name, pid] of Object.entries(this.pids)) this.entry(name).cpuStart = readProc(pid)?.cpuSeconds;
    for (const pid of this.backendPids) this.noteBackendCpu(pid);
  }

  endWindow(): void {
    this.sample();
    this.measuring = false;
    this.windowEnd = performance.now();
    for (const [name, pid] of Object.entries(this.pids)) this.entry(name).cpuEnd = readProc(pid)?.cpuSeconds;
    for (const pid of this.backendPids) this.noteBackendCpu(pid);
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** Mean and peak, over the per-second samples, of backends active, waiting for a lock, idle in a transaction. */
  activityFigures(): Record<string, { mean: number; peak: number }> {
    const of = (key: 'active' | 'lockWaits' | 'idleInTransaction') => {
      const values = this.activity.map((a) => a[key]);
      return {
        mean: values.length ? +(values.reduce((x, y) => x + y, 0) / values.length).toFixed(1) : 0,
        peak: values.length ? Math.max(...values) : 0,
      };
    };
    return { active: of('active'), lockWaits: of('lockWaits'), idleInTransaction: of('idleInTransaction') };
  }

  figures(): Record<string, ResourceFigures> {
    const seconds = (this.windowEnd - this.windowStart) / 1000;
    const out: Record<string, ResourceFigures> = {};
    for (const [name, s] of this.series) {
      const cpu = s.cpuEnd !== undefined && s.cpuStart !== undefined ? s.cpuEnd - s.cpuStart : 0;
      const peak = s.rss.length ? Math.max(...s.rss) : 0;
      const mean = s.rss.length ? s.rss.reduce((a, b) => a + b, 0) / s.rss.length : 0;
      out[name] = {
        idleMb: Math.round(this.idle.get(name) ?? 0),
        peakMb: Math.round(peak),
        meanMb: Math.round(mean),
        cores: +(cpu / seconds).toFixed(2),
        cpuSeconds: +cpu.toFixed(1),
      };
    }
    const pgCpu = [...this.backendCpu.values()].reduce((sum, c) => sum + (c.last - c.first), 0);
    if (out.postgres)
      Object.assign(out.postgres, {
        cores: +(pgCpu / seconds).toFixed(2),
        cpuSeconds: +pgCpu.toFixed(1),
        processes: this.backendPids.length,
      });
    return out;
  }

  private entry(name: string): Series {
    let s = this.series.get(name);
    if (!s) this.series.set(name, (s = { rss: [] }));
    return s;
  }

  private sample(): void {
    if (!this.measuring) return;
    for (const [name, pid] of Object.entries(this.pids)) {
      const p = readProc(pid);
      if (p) this.entry(name).rss.push(p.rssMb);
    }
  }

  private backends(): { anon: number } {
    let anon = 0;
    for (const pid of this.backendPids) anon += readProc(pid)?.anonMb ?? 0;
    return { anon };
  }

  private noteBackendCpu(pid: number): void {
    const cpu = readProc(pid)?.cpuSeconds;
    if (cpu === undefined) return;
    const known = this.backendCpu.get(pid);
    if (known) known.last = cpu;
    else this.backendCpu.set(pid, { first: cpu, last: cpu });
  }

  /** The backends serving the benchmark database (api, worker; not this monitor). */
  private async refreshBackends(): Promise<void> {
    const { rows } = await this.monitor.query<{ pid: number; state: string | null; wait_event_type: string | null }>(
      'SELECT pid, state, wait_event_type FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [this.database],
    );
    this.backendPids = rows.map((r) => r.pid);
    if (this.measuring) {
      this.activity.push({
        active: rows.filter((r) => r.state === 'active').length,
        lockWaits: rows.filter((r) => r.wait_event_type === 'Lock').length,
        idleInTransaction: rows.filter((r) => r.state === 'idle in transaction').length,
      });
      this.entry('postgres').rss.push(this.backends().anon);
      for (const pid of this.backendPids) this.noteBackendCpu(pid);
    }
  }
}
