import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { NotificationJobData } from '../../queue/queues';
import { TimeoutError, withTimeout } from '../../queue/with-timeout';
import { LANGUAGES, Language } from '../../common/i18n/language';
import { describeSendFailure, isPermanentSmtpFailure } from './domain/notification-status';
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

  async process(job: Job<NotificationJobData>, token?: string): Promise<SendOutcome> {
    const id = job.data.notificationId;
    const row = await this.notifications.startSending(id, this.config.sendLeaseMs);
    if (!row) return this.skipOrWait(job, id, token);
    const leaseEndsAt = Date.now() + this.config.sendLeaseMs;
    let sent: { language: string; messageId: string; response: string };
    try {
      if (!row.active) throw new UnrecoverableError('the recipient is disabled');
      if (!isMessageType(row.type)) throw new UnrecoverableError(`unknown message type ${row.type}`);
      const language = (LANGUAGES as readonly string[]).includes(row.preferredLanguage)
        ? (row.preferredLanguage as Language)
        : 'ru';
      const rendered = this.render(row.type, language, row.data, row.fullName);
      // Bounded well inside the lease; nodemailer's own timeouts normally settle it long before.
      const delivery = await withTimeout(
        this.transport.send({ to: row.email, ...rendered, messageId: this.transport.messageIdFor(id) }),
        Math.floor(this.config.sendLeaseMs / 2),
        'the SMTP server',
      );
      sent = { language: rendered.language, messageId: delivery.messageId, response: delivery.response };
    } catch (error) {
      const reason = describeSendFailure(error);
      if (error instanceof TimeoutError) {
        // The message may still be on its way: keep the row leased rather than send it again now.
        throw new Error(reason);
      }
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (error instanceof UnrecoverableError || isPermanentSmtpFailure(error) || lastAttempt) {
        await this.notifications.markFailed(id, reason);
        this.logger.warn({ notificationId: id, reason }, 'Notification failed');
        throw lastAttempt && !(error instanceof UnrecoverableError)
          ? new Error(reason)
          : new UnrecoverableError(reason);
      }
      await this.notifications.markRetrying(id, reason);
      throw new Error(reason);
    }
    await this.recordSent(id, sent, leaseEndsAt);
    return 'sent';
  }

  /**
   * The SMTP server has the message: never mark it failed or retrying now. If the database is away
   * (restarting, failing over), keep trying until shortly before the lease runs out (after which
   * another sender may take the row), so that a short outage does not turn into a second copy; only
   * then give up and let the job retry.
   */
  private async recordSent(
    id: string,
    sent: { language: string; messageId: string; response: string },
    leaseEndsAt: number,
  ): Promise<void> {
    const giveUpAt = leaseEndsAt - Math.floor(this.config.sendLeaseMs / 10);
    for (let wait = 200; ; wait = Math.min(wait * 2, 5000)) {
      try {
        await this.notifications.markSent(id, sent);
        return;
      } catch (error) {
        if (Date.now() + wait > giveUpAt) throw error;
        this.logger.warn({ notificationId: id, err: error }, 'Delivered, but could not record it yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /**
   * The row could not be taken: done already (skip), or another sender holds a live lease, for
   * instance one that died mid-send. Then the job waits for the lease to run out without spending
   * one of its attempts.
   */
  private async skipOrWait(job: Job<NotificationJobData>, id: string, token: string | undefined): Promise<SendOutcome> {
    const current = await this.notifications.statusOf(id);
    if (!current || current.status === 'sent' || current.status === 'failed') return 'skipped';
    if (!token) throw new Error(`notification ${id} is held by another sender`);
    const until = Math.max(Date.now(), current.leaseUntil?.getTime() ?? Date.now()) + 100;
    await job.moveToDelayed(until, token);
    throw new DelayedError();
  }

  private render(type: MessageType, language: Language, data: Record<string, unknown>, fullName: string) {
    try {
      const variables = messageVariables(
        type,
        data,
        fullName,
        { publicUrl: this.config.publicUrl, linkSecret: this.config.jwtSecret },
        language,
      );
      return this.renderer.render(type, language, variables);
    } catch (error) {
      throw new UnrecoverableError(`cannot render ${type}: ${describeSendFailure(error)}`);
    }
  }
}
