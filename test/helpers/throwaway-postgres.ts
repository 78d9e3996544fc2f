import { execFileSync, SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ServerProcess } from './server-process';
import { freePort } from './throwaway-redis';

/** How the server is stopped: `immediate` is a crash (recovery from the WAL on the next start). */
export type StopMode = 'smart' | 'fast' | 'immediate';
const STOP_SIGNAL: Record<StopMode, NodeJS.Signals> = { smart: 'SIGTERM', fast: 'SIGINT', immediate: 'SIGQUIT' };

/** The PostgreSQL binaries: PG_BIN_DIR, else the newest /usr/lib/postgresql/N/bin, else PATH. */
function binary(name: string): string {
  if (process.env.PG_BIN_DIR) return join(process.env.PG_BIN_DIR, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin', name) : name;
}

/** PostgreSQL refuses to run as root: then the server runs as the `postgres` user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, and there is no postgres user to run a throwaway PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL server of the test's own: a fresh cluster in a temporary directory, on its own port,
 * run as a child process (so it dies with the test run). It can be stopped (cleanly or as a crash)
 * and started again on the same port with the same data. Never the shared server.
 */
export class ThrowawayPostgres {
  private readonly user = serverUser();
  /** If the test run ends without `destroy()` (a failure, an interrupt): no server or data left behind. */
  private readonly server = new ServerProcess((child) => {
    child?.kill('SIGQUIT');
    rmSync(this.dir, { recursive: true, force: true });
  });

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** initdb (trust authentication, user postgres) and start. */
  static async start(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'startup-pg-'));
    const pg = new ThrowawayPostgres(await freePort(), dir);
    try {
      if (pg.user) chownSync(dir, pg.user.uid, pg.user.gid);
      try {
        execFileSync(
          binary('initdb'),
          ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
          {
            ...pg.spawnOptions(),
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
      } catch (error) {
        const { code, stderr } = error as { code?: string; stderr?: Buffer };
        if (code === 'ENOENT')
          throw new Error(
            `initdb not found (${binary('initdb')}): install the PostgreSQL server binaries or set PG_BIN_DIR`,
          );
        throw new Error(`initdb failed: ${stderr?.toString() ?? (error as Error).message}`);
      }
      await pg.up();
      return pg;
    } catch (error) {
      await pg.destroy();
      throw error;
    }
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private spawnOptions(): SpawnOptions {
    return { cwd: this.dir, env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' }, ...(this.user ?? {}) };
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.server.running;
  }

  /** Starts the server (again, on the same port and data) and waits until it answers a query. */
  async up(timeoutMs = 20000): Promise<void> {
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: this.dir,
      // Losing the machine is not what these tests are about; a crash of the server still is, and
      // the WAL written at each commit (synchronous_commit stays on) survives it.
      fsync: 'off',
      full_page_writes: 'off',
      max_connections: '100',
      shared_buffers: '32MB',
    };
    await this.server.start({
      what: `PostgreSQL on port ${this.port}`,
      command: binary('postgres'),
      args: [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ],
      options: this.spawnOptions(),
      ready: () => answers(this.url()),
      timeoutMs,
      pollMs: 100,
      failSignal: STOP_SIGNAL.immediate,
    });
  }

  /** Stops the server and waits until the postmaster has exited (its backends go with it). */
  async down(mode: StopMode = 'fast'): Promise<void> {
    await this.server.stop(STOP_SIGNAL[mode], 15000);
  }

  /** What the server printed since it last started (its log goes to stderr). */
  log(): string {
    return this.server.log();
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.down('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
