import { mkdir, writeFile } from 'node:fs/promises';
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
          url: config.smtpUrl,
          pool: true,
          maxConnections: config.smtpPoolSize,
          connectionTimeout: 10000,
          greetingTimeout: 10000,
          socketTimeout: 30000,
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
    if (this.toFiles && info.message) {
      const dir = resolve(this.config.mailDir);
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${mail.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_')}.eml`);
      await writeFile(path, info.message);
      this.logger.log({ path }, 'No SMTP_URL: wrote the message to a file');
      return { messageId: info.messageId, response: `file ${path}` };
    }
    return { messageId: info.messageId, response: info.response ?? '' };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
