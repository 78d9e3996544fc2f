import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicationDraftsService } from './application-drafts.service';
import { ApplicationSubmissionService } from './application-submission.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';

@Module({
  imports: [NotificationsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationDraftsService, ApplicationSubmissionService],
})
export class ApplicationsModule {}
