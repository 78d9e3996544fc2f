import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string | undefined;
  /** False while the sink holds its reply to DATA (the client has not been told it arrived). */
  acknowledged: boolean;
}

export interface SinkOptions {
  port?: number;
  /** Addresses answered with 550 at RCPT TO (a permanent rejection). */
  reject?: (address: string) => boolean;
}

/** A real SMTP server on localhost that keeps what it receives, parsed. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  private holding = false;
  private held: (() => void)[] = [];
  port = 0;

  private constructor(private readonly options: SinkOptions) {}

  static async start(options: SinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options);
    await sink.listen(options.port ?? 0);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Start again on the same port after `stop()` (SMTP "down, then up"). */
  async listen(port = this.port): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // No reverse DNS per connection: this machine has no resolver to ask, and each lookup stalls.
      disableReverseLookup: true,
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.options.reject?.(address.address)) {
          // Worded like Postfix, which repeats the address: it must not reach our logs or API.
          callback(
            Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
              responseCode: 550,
            }),
          );
          return;
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const mail: ReceivedMail = {
              to: (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              language: parsed.headers.get('content-language') as string | undefined,
              acknowledged: !this.holding,
            };
            this.messages.push(mail);
            if (!this.holding) return callback();
            this.held.push(() => {
              mail.acknowledged = true;
              callback();
            });
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
  }

  /** Keep receiving messages but do not answer DATA until `release()`. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const reply of this.held.splice(0)) reply();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    this.held = [];
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Waits until `count` messages pass `filter`, or fails after `timeoutMs` (every caller gives its budget). */
  async waitFor(
    count: number,
    timeoutMs: number,
    filter: (m: ReceivedMail) => boolean = () => true,
  ): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.filter(filter).length < count) {
      if (Date.now() > deadline)
        throw new Error(`Expected ${count} messages, got ${this.messages.filter(filter).length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.messages.filter(filter);
  }
}
