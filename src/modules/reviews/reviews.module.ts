import { UsersModule } from '../users/users.module';
import { OfflineScoringController } from './offline-scoring.controller';
import { OfflineScoringService } from './offline-scoring.service';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AffinitiesRepository } from './affinities.repository';
import { AffinitiesService } from './affinities.service';
import { AssignmentChangesService } from './assignment-changes.service';
import { AssignmentOverviewRepository } from './assignment-overview.repository';
import { AssignmentRunner } from './assignment-runner';
import { AssignmentRunsRepository } from './assignment-runs.repository';
import { AssignmentsQueryService } from './assignments-query.service';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { JuryController } from './jury.controller';
import { JuryRepository } from './jury.repository';
import { JuryService } from './jury.service';
import { ResultsController } from './results.controller';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';
import { ReviewRemindersService } from './review-reminders.service';
import { ReviewsQueue } from './reviews.queue';
import { RoundFinalizer } from './round-finalizer';
import { RoundsController } from './rounds.controller';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceRepository } from './workspace.repository';
import { WorkspaceService } from './workspace.service';

/** Jury review: rounds, panel and conflicts, assignment, the juror workspace and the results. */
@Module({
  imports: [AuditModule, NotificationsModule, ApplicationsModule, AttachmentsModule, UsersModule],
  controllers: [
    RoundsController,
    JuryController,
    AssignmentsController,
    WorkspaceController,
    OfflineScoringController,
    ResultsController,
  ],
  providers: [
    OfflineScoringService,
    RoundsRepository,
    RoundsService,
    JuryRepository,
    JuryService,
    AssignmentsRepository,
    AssignmentRunsRepository,
    AffinitiesRepository,
    AssignmentOverviewRepository,
    AssignmentChangesService,
    AssignmentsQueryService,
    AffinitiesService,
    AssignmentRunner,
    WorkspaceRepository,
    WorkspaceService,
    ResultsRepository,
    ResultsService,
    RoundFinalizer,
    ReviewRemindersService,
    ReviewsQueue,
  ],
  exports: [
    AssignmentRunner,
    RoundFinalizer,
    RoundsService,
    ResultsService,
    OfflineScoringService,
    // The jurors' pages (src/web/juror) call the workspace, the panel and the recusal.
    WorkspaceService,
    JuryService,
    AssignmentChangesService,
    AssignmentsQueryService,
    ReviewRemindersService,
  ],
})
export class ReviewsModule {}
