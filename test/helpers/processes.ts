import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { builtScript } from './build';

const ROOT = join(__dirname, '..', '..');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of our entrypoints, named by its source (`src/worker.ts`), in its own Node process: plain
 * `node` on its compiled form in the run's build (test/helpers/build.ts), as it runs in production.
 */
export function startScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): ChildProcess & { output: () => Finished; done: Promise<Finished> } {
  const child = spawn(process.execPath, [builtScript(script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
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

/** Runs a script to its end; one still running after `timeoutMs` is killed (SIGKILL), and the caller sees that. */
export async function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<Finished> {
  const child = startScript(script, args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await child.done;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends `signal` and waits for the exit; a process still running after `timeoutMs` is killed
 * (SIGKILL), which the caller sees in the result.
 */
export async function stopScript(
  child: ChildProcess & { done: Promise<Finished> },
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<Finished> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await child.done;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls until `check` returns a value, or fails after `timeoutMs`: every caller gives its budget, and
 * a test that waits longer than Jest's 30 s gives itself a timeout above the sum of its waits.
 */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
