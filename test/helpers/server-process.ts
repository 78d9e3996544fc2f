import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';

export interface ServerStart {
  /** Names the server in errors, e.g. `redis-server on port 6390`. */
  what: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
  /** True once the server answers. */
  ready: () => Promise<boolean>;
  timeoutMs: number;
  pollMs: number;
  /** How to stop a server that did not become ready in time. */
  failSignal: NodeJS.Signals;
}

/**
 * One throwaway server process of a test (Redis, PostgreSQL): started, polled until it answers,
 * stopped with a signal and waited for, its output kept for error messages, and `lastWords` run if
 * the test process exits while it is still up, so nothing is left behind.
 */
export class ServerProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private output = '';
  private readonly onProcessExit = () => this.lastWords(this.child);

  constructor(private readonly lastWords: (child: ChildProcess | undefined) => void) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** What the server printed since it last started. */
  log(): string {
    return this.output;
  }

  async start(start: ServerStart): Promise<void> {
    if (this.child) return;
    const child = spawn(start.command, start.args, { ...start.options, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.output = '';
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let gone = false;
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        gone = true;
        resolve();
      }),
    );
    process.once('exit', this.onProcessExit);
    const deadline = Date.now() + start.timeoutMs;
    while (!(await start.ready())) {
      if (gone || Date.now() > deadline) {
        const log = this.output.slice(-3000);
        await this.stop(start.failSignal, 5000);
        throw new Error(`${start.what} did not start:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, start.pollMs));
    }
  }

  /** Sends `signal` and waits until the process has exited (SIGKILL after `killAfterMs`). */
  async stop(signal: NodeJS.Signals, killAfterMs: number): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    await this.exited;
    clearTimeout(timer);
    process.removeListener('exit', this.onProcessExit);
    this.child = undefined;
  }
}
