import { Module } from '@nestjs/common';
import { MailTransport } from './mail/mail-transport';
import { NotificationSender } from './sender';
import { NotificationsModule, templateRendererProvider } from './notifications.module';
import { NotificationsWorker } from './notifications.worker';

/** The worker's relay loop and queue consumer. */
@Module({
  imports: [NotificationsModule],
  providers: [MailTransport, templateRendererProvider, NotificationSender, NotificationsWorker],
})
export class NotificationsWorkerModule {}
