import { mkdir, writeFile } from 'node:fs/promises';
import { connect as tcpConnect, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  /** Deterministic per outbox row, so a re-send after a crash is recognisable downstream. */
  messageId: string;
}

export interface Delivery {
  messageId: string;
  response: string;
}

type SocketCallback = (error: Error | null, socket?: { connection: Socket; secured?: boolean } | false) => void;

/**
 * Opens the SMTP socket with Nagle's algorithm off. Nodemailer writes each SMTP command as a small
 * packet and waits for the reply; with Nagle on, every exchange can stall on the peer's delayed
 * ACK (about 40 ms), which measured here as 15 ms per message over five pooled connections against
 * 1.5 ms with it off (`npm run bench`). If this socket cannot connect, nodemailer is told to open
 * its own (`false`), whose failure it reports properly: its pool loses queued messages when a
 * custom socket factory returns an error.
 */
export function noDelaySocket(
  options: { host?: string; port?: number; secure?: boolean; servername?: string; connectionTimeout?: number },
  callback: SocketCallback,
): void {
  const port = options.port ?? (options.secure ? 465 : 25);
  const host = options.host ?? '127.0.0.1';
  const socket = options.secure
    ? tlsConnect({ host, port, servername: options.servername ?? host })
    : tcpConnect(port, host);
  socket.setNoDelay(true);
  let settled = false;
  const settle = (result: { connection: Socket; secured?: boolean } | false) => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    socket.removeListener('error', fallBack);
    callback(null, result);
  };
  const fallBack = () => {
    socket.destroy();
    settle(false);
  };
  socket.once('error', fallBack);
  socket.setTimeout(options.connectionTimeout ?? 10000, fallBack);
  socket.once(options.secure ? 'secureConnect' : 'connect', () =>
    settle({ connection: socket, secured: options.secure === true }),
  );
}

/** Host, port, TLS and credentials from an smtp:// or smtps:// URL (nodemailer skips getSocket for `url`). */
export function smtpOptions(smtpUrl: string): {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
} {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username && { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
  };
}

/**
 * SMTP with a connection pool when SMTP_URL is set; otherwise each message is written as an .eml
 * file under MAIL_DIR (and its path logged), so development shows mail without a mail server.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transport: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transport = config.smtpUrl
      ? createTransport({
          ...smtpOptions(config.smtpUrl),
          pool: true,
          // At least one connection per concurrent send, so no message waits inside the pool.
          maxConnections: Math.max(config.smtpPoolSize, config.senderConcurrency),
          connectionTimeout: 10000,
          greetingTimeout: 10000,
          socketTimeout: 30000,
          getSocket: noDelaySocket,
        } as Parameters<typeof createTransport>[0])
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** `<row id>@<sender's domain>` */
  messageIdFor(notificationId: string): string {
    const domain = /@([^>\s]+)/.exec(this.config.mailFrom)?.[1] ?? 'startup.local';
    return `<${notificationId}@${domain}>`;
  }

  async send(mail: OutgoingMail): Promise<Delivery> {
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language },
    })) as { messageId: string; response?: string; message?: Buffer };
    let delivery: Delivery = { messageId: info.messageId, response: info.response ?? '' };
    if (this.toFiles && info.message) {
      const dir = resolve(this.config.mailDir);
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${mail.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_')}.eml`);
      await writeFile(path, info.message);
      this.logger.log({ path }, 'No SMTP_URL: wrote the message to a file');
      delivery = { messageId: info.messageId, response: `file ${path}` };
    }
    this.logLinksOutsideProduction(mail);
    return delivery;
  }

  /**
   * In development and demos, says in plain words which links a mail carries (confirm an address,
   * reset a password, open a competition), so a person trying the service can follow them from the
   * log. Never in production: the links hold single-use secrets.
   */
  private logLinksOutsideProduction(mail: OutgoingMail): void {
    if (this.config.nodeEnv === 'production') return;
    const links = linksTo(this.config.publicUrl, mail.text);
    const where = links.length ? `: open ${links.join(' or ')}` : '';
    this.logger.log(`Mail "${mail.subject}" sent${where}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** The service's own links in a mail's text, in order, once each (a sentence's full stop is not part of a link). */
export function linksTo(publicUrl: string, text: string): string[] {
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = text.match(new RegExp(`${escaped}(?:[/?#][^\\s<>"')]*)?(?![\\w:])`, 'g')) ?? [];
  return [...new Set(found.map((link) => link.replace(/[.,;:!]+$/, '')))];
}
