import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicationDeletionHooks } from './application-deletion-hooks';
import { ApplicationDraftsService } from './application-drafts.service';
import { ApplicationListingService } from './application-listing.service';
import { ApplicationRemindersService } from './application-reminders.service';
import { ApplicationReturnsController } from './application-returns.controller';
import { ApplicationReturnsRepository } from './application-returns.repository';
import { ApplicationReturnsService } from './application-returns.service';
import { ApplicationVersionsService } from './application-versions.service';
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
  controllers: [ApplicationsController, StaffApplicationsController, ApplicationReturnsController],
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
    ApplicationReturnsRepository,
    ApplicationReturnsService,
    ApplicationVersionsService,
  ],
  exports: [
    ApplicationsQueryService,
    ApplicationDeletionHooks,
    ApplicationStatusService,
    ApplicationDraftsService,
    ApplicationSubmissionService,
    ApplicationReturnsService,
    ApplicationVersionsService,
    // The managers' pages list, export, count and screen through the same services as the JSON API.
    ApplicationListingService,
    ApplicationScreeningService,
  ],
})
export class ApplicationsModule {}
