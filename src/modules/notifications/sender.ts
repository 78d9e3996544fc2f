import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { NotificationJobData } from '../../queue/queues';
import { withTimeout } from '../../queue/with-timeout';
import { LANGUAGES, Language } from '../users/domain/language';
import { isPermanentSmtpFailure } from './domain/notification-status';
import { MailTransport } from './mail/mail-transport';
import { isMessageType, MessageType } from './mail/message-types';
import { messageVariables } from './mail/message-variables';
import { TemplateRenderer } from './mail/template-renderer';
import { NotificationsRepository } from './notifications.repository';

export type SendOutcome = 'sent' | 'skipped';

/**
 * Sends one outbox row. Idempotent on the row: a sent or failed row is skipped, and a row another
 * sender holds is retried later. The Message-ID comes from the row id, so if a crash after the SMTP
 * server accepted the mail causes a second send, the copy is recognisable as the same message.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsRepository,
    private readonly transport: MailTransport,
    private readonly renderer: TemplateRenderer,
  ) {}

  async process(job: Job<NotificationJobData>): Promise<SendOutcome> {
    const id = job.data.notificationId;
    const row = await this.notifications.startSending(id, this.config.sendLeaseMs);
    if (!row) {
      const current = await this.notifications.statusOf(id);
      if (!current || current.status === 'sent' || current.status === 'failed') return 'skipped';
      throw new Error(`notification ${id} is being sent by another worker`);
    }
    try {
      if (!row.active) throw new UnrecoverableError('the recipient is disabled');
      if (!isMessageType(row.type)) throw new UnrecoverableError(`unknown message type ${row.type}`);
      const language = (LANGUAGES as readonly string[]).includes(row.preferredLanguage) ? (row.preferredLanguage as Language) : 'ru';
      const rendered = this.render(row.type, language, row.data, row.fullName);
      // Bounded: a send that never settles would hold the job (and its lock) forever.
      const delivery = await withTimeout(
        this.transport.send({ to: row.email, ...rendered, messageId: this.transport.messageIdFor(id) }),
        this.config.sendLeaseMs,
        'the SMTP server',
      );
      await this.notifications.markSent(id, { language: rendered.language, messageId: delivery.messageId, response: delivery.response });
      return 'sent';
    } catch (error) {
      const message = describe(error);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (error instanceof UnrecoverableError || isPermanentSmtpFailure(error) || lastAttempt) {
        await this.notifications.markFailed(id, message);
        this.logger.warn({ notificationId: id, error: message }, 'Notification failed');
        throw error instanceof UnrecoverableError || lastAttempt ? error : new UnrecoverableError(message);
      }
      await this.notifications.markRetrying(id, message);
      throw error;
    }
  }

  private render(type: MessageType, language: Language, data: Record<string, unknown>, fullName: string) {
    try {
      const variables = messageVariables(type, data, fullName, { publicUrl: this.config.publicUrl, linkSecret: this.config.jwtSecret });
      return this.renderer.render(type, language, variables);
    } catch (error) {
      throw new UnrecoverableError(`cannot render ${type}: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; message?: string };
  return e?.responseCode ? `${e.responseCode} ${e.response ?? e.message ?? ''}`.trim() : (e?.message ?? String(error));
}
