import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { ServerProcess } from './server-process';

/** A port nobody listens on right now. */
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

/** Sends PING over a plain socket; true when Redis answers PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => finish(chunk.toString().startsWith('+PONG')));
  });
}

/**
 * A `redis-server` of the test's own, on its own port, without persistence: stopping it loses every
 * key (as a crashed Redis without AOF would). Never the shared Redis, which tests must not touch.
 */
export class ThrowawayRedis {
  private readonly server = new ServerProcess((child) => child?.kill('SIGKILL'));

  private constructor(readonly port: number) {}

  static async start(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server.running;
  }

  /** Starts the server (again, on the same port) and waits until it answers PING. */
  async up(timeoutMs = 10000): Promise<void> {
    await this.server.start({
      what: `redis-server on port ${this.port}`,
      command: 'redis-server',
      args: ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
      ready: () => ping(this.port),
      timeoutMs,
      pollMs: 50,
      failSignal: 'SIGTERM',
    });
  }

  /** Stops the server (SIGTERM; nothing is saved) and waits until the process has exited. */
  async down(): Promise<void> {
    await this.server.stop('SIGTERM', 5000);
  }
}
