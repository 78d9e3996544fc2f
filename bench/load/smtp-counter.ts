import { SMTPServer } from 'smtp-server';

/** A local SMTP server that accepts every message, keeps only its Message-ID, and counts. */
export class SmtpCounter {
  readonly messageIds = new Set<string>();
  received = 0;
  private server?: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpCounter> {
    const sink = new SmtpCounter();
    sink.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 8192) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          sink.received += 1;
          const id = /^message-id:\s*(<[^>]+>)/im.exec(head)?.[1];
          if (id) sink.messageIds.add(id);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      sink.server!.once('error', reject);
      sink.server!.listen(0, '127.0.0.1', () => resolve());
    });
    sink.port = (sink.server.server.address() as { port: number }).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
