import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { CompetitionsModule } from '../competitions/competitions.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerModule } from '../ledger/ledger.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StoredFilesModule } from '../stored-files/stored-files.module';
import { AllocationRepository } from './allocation.repository';
import { AllocationService } from './allocation.service';
import { AwardDecisionsService } from './award-decisions.service';
import { AwardFilesService } from './award-files.service';
import { AwardListingsRepository } from './award-listings.repository';
import { AwardOffersService } from './award-offers.service';
import { AwardProposalsService } from './award-proposals.service';
import { AwardQueuesQueryService } from './award-queues-query.service';
import { AwardQueuesRepository } from './award-queues.repository';
import { AwardSweepService } from './award-sweep.service';
import { AwardsQueryService } from './awards-query.service';
import { AwardsController } from './awards.controller';
import { AwardsRepository } from './awards.repository';
import { CompetitionFinalizer } from './competition-finalizer.service';
import { GranteeMail } from './grantee-mail';
import { MilestoneReportsController } from './milestone-reports.controller';
import { MilestoneReportsRepository } from './milestone-reports.repository';
import { MilestoneReportsService } from './milestone-reports.service';
import { TrancheLifecycleService } from './tranche-lifecycle.service';
import { TrancheScheduleService } from './tranche-schedule.service';
import { TranchesRepository } from './tranches.repository';

/** Awards: allocation, proposals and four-eyes approval, offers, tranche schedules, milestone reports, finalizing. */
@Module({
  imports: [
    AuditModule,
    NotificationsModule,
    LedgerModule,
    CompetitionsModule,
    ApplicationsModule,
    StoredFilesModule,
    IdempotencyModule,
  ],
  controllers: [AwardsController, MilestoneReportsController],
  providers: [
    AwardsRepository,
    AllocationRepository,
    TranchesRepository,
    AwardListingsRepository,
    AllocationService,
    AwardDecisionsService,
    AwardProposalsService,
    AwardOffersService,
    AwardsQueryService,
    CompetitionFinalizer,
    AwardSweepService,
    MilestoneReportsRepository,
    TrancheScheduleService,
    TrancheLifecycleService,
    AwardFilesService,
    MilestoneReportsService,
    GranteeMail,
    AwardQueuesRepository,
    AwardQueuesQueryService,
  ],
  exports: [
    TrancheLifecycleService,
    AwardsQueryService,
    GranteeMail,
    AwardOffersService,
    AwardFilesService,
    MilestoneReportsService,
    AllocationService,
    // For the managers' web pages: the same use cases the JSON routes call.
    AwardProposalsService,
    AwardDecisionsService,
    TrancheScheduleService,
    AwardQueuesQueryService,
  ],
})
export class AwardsModule {}
