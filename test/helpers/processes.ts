import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one of our TypeScript entrypoints in its own Node process (ts-node with SWC: no build needed). */
export function startScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): ChildProcess & { output: () => Finished; done: Promise<Finished> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_SWC: 'true', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A test that fails (or a run that is interrupted) must not leave the process running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const done = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return Object.assign(child, {
    output: () => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr }),
    done,
  });
}

export async function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60000,
): Promise<Finished> {
  const child = startScript(script, args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await child.done;
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
