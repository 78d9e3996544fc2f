import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Dispatcher } from './dispatcher';
import { resolveTemplatesDir, TemplateRenderer } from './mail/template-renderer';
import { NotificationsAdminService } from './notifications-admin.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsQueue } from './notifications.queue';
import { NotificationsRepository } from './notifications.repository';
import { Outbox } from './outbox.service';

/** The outbox every module writes to, and its dispatch after commit; used by api and worker. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsQueue, Dispatcher, Outbox, NotificationsAdminService],
  exports: [Outbox, Dispatcher, NotificationsRepository, NotificationsQueue],
})
export class NotificationsModule {}

export const templateRendererProvider = {
  provide: TemplateRenderer,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new TemplateRenderer({ templatesDir: resolveTemplatesDir(), timeZone: config.mailTimeZone }),
};
