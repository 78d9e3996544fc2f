import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export type RuntimeKind = 'build' | 'dist' | 'ts-node';

/** How the api and the worker are started: compiled by tsc as `npm run build` does, `dist/` as it is, or ts-node with SWC. */
export interface Runtime {
  kind: RuntimeKind;
  /** A private folder for compiled code, logs, attachments; removed by `cleanup`. */
  dir: string;
  args(entry: 'main' | 'worker'): string[];
  env: Record<string, string>;
  buildSeconds: number;
  cleanup(): Promise<void>;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * `build` compiles src and migrations with tsc (tsconfig.build.json, as `npm run build`) into a
 * private folder, so the run never depends on, or rewrites, a `dist/` someone else is building;
 * package.json, templates and node_modules are linked beside it, as the code finds them from there.
 */
export async function prepareRuntime(kind: RuntimeKind): Promise<Runtime> {
  const dir = await mkdtemp(join(tmpdir(), 'startup-load-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const started = performance.now();
  try {
    if (kind === 'build') {
      const out = join(dir, 'app');
      const tsc = await run(process.execPath, [
        join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        out,
      ]);
      if (!existsSync(join(out, 'src', 'main.js')))
        throw new Error(`tsc emitted nothing (exit ${tsc.code}):\n${tsc.output.slice(0, 4000)}`);
      if (tsc.code !== 0)
        console.error(
          `warning: tsc reported errors (code emitted anyway, as npm run build would):\n${tsc.output.slice(0, 2000)}`,
        );
      for (const name of ['package.json', 'templates', 'node_modules']) symlinkSync(join(ROOT, name), join(out, name));
      return {
        kind,
        dir,
        args: (entry) => [join(out, 'src', `${entry}.js`)],
        env: {},
        buildSeconds: (performance.now() - started) / 1000,
        cleanup,
      };
    }
    if (kind === 'dist') {
      if (!existsSync(join(ROOT, 'dist', 'src', 'main.js')))
        throw new Error('--runtime dist needs `npm run build` first');
      return {
        kind,
        dir,
        args: (entry) => [join(ROOT, 'dist', 'src', `${entry}.js`)],
        env: {},
        buildSeconds: 0,
        cleanup,
      };
    }
    return {
      kind,
      dir,
      args: (entry) => ['-r', 'ts-node/register', join(ROOT, 'src', `${entry}.ts`)],
      env: { TS_NODE_SWC: 'true', TS_NODE_TRANSPILE_ONLY: 'true' },
      buildSeconds: 0,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Service {
  name: string;
  child: ChildProcess;
  pid: number;
  logPath: string;
  log(): string;
  exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();
// A crash of the benchmark itself must not leave an api or a worker behind.
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** One entrypoint in its own Node process; its stdout and stderr go to a log file (the kernel writes it, not us). */
export function startService(
  runtime: Runtime,
  name: string,
  entry: 'main' | 'worker',
  env: Record<string, string>,
): Service {
  const logPath = join(runtime.dir, `${name}.log`);
  const fd = openSync(logPath, 'a');
  const child = spawn(process.execPath, runtime.args(entry), {
    cwd: ROOT,
    env: { ...process.env, ...runtime.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  started.add(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const log = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  return { name, child, pid: child.pid!, logPath, log, exited };
}

export async function waitUntil(
  what: string,
  timeoutMs: number,
  service: Service,
  ready: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.child.exitCode !== null)
      throw new Error(
        `${service.name} exited with ${service.child.exitCode} before ${what}:\n${service.log().slice(-3000)}`,
      );
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${service.log().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM (both entrypoints close their pools and queues on it), SIGKILL after 15 s; how it ended. */
export async function stopService(service: Service | undefined): Promise<string> {
  if (!service) return 'not started';
  if (service.child.exitCode === null && service.child.signalCode === null) {
    service.child.kill('SIGTERM');
    const timer = setTimeout(() => service.child.kill('SIGKILL'), 15000);
    await service.exited;
    clearTimeout(timer);
  }
  started.delete(service.child);
  return service.child.exitCode !== null ? `exit ${service.child.exitCode}` : `${service.child.signalCode}`;
}
