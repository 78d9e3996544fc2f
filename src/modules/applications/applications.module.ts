import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicationDeletionHooks } from './application-deletion-hooks';
import { ApplicationDraftsService } from './application-drafts.service';
import { ApplicationListingService } from './application-listing.service';
import { ApplicationRemindersService } from './application-reminders.service';
import { ApplicationScreeningService } from './application-screening.service';
import { ApplicationStatusRepository } from './application-status.repository';
import { ApplicationStatusService } from './application-status.service';
import { ApplicationSubmissionService } from './application-submission.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsQueryRepository } from './applications-query.repository';
import { ApplicationsQueryService } from './applications-query.service';
import { ApplicationsRepository } from './applications.repository';
import { StaffApplicationsController } from './staff-applications.controller';

@Module({
  imports: [NotificationsModule],
  controllers: [ApplicationsController, StaffApplicationsController],
  providers: [
    ApplicationsRepository,
    ApplicationsQueryRepository,
    ApplicationStatusRepository,
    ApplicationStatusService,
    ApplicationDeletionHooks,
    ApplicationDraftsService,
    ApplicationSubmissionService,
    ApplicationScreeningService,
    ApplicationListingService,
    ApplicationRemindersService,
    ApplicationsQueryService,
  ],
  exports: [
    ApplicationsQueryService,
    ApplicationDeletionHooks,
    ApplicationStatusService,
    ApplicationDraftsService,
    ApplicationSubmissionService,
  ],
})
export class ApplicationsModule {}
