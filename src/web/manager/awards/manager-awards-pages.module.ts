import { Module } from '@nestjs/common';
import { AwardsModule } from '../../../modules/awards/awards.module';
import { DisbursementsModule } from '../../../modules/disbursements/disbursements.module';
import { WebCoreModule } from '../../web-core.module';
import { AllocationController } from './allocation.controller';
import { ApprovalsController } from './approvals.controller';
import { ManagerAwardController } from './award.controller';
import { ManagerAwardsViews } from './manager-awards-views';
import { ReportFilesController } from './report-files.controller';
import { ReportsController } from './reports.controller';

/**
 * Managers' allocation and awards: the ranked list with reasons and the money in view, proposals,
 * "awaiting my approval", one award with its schedule, and milestone reports to review.
 */
@Module({
  imports: [WebCoreModule, AwardsModule, DisbursementsModule],
  controllers: [
    AllocationController,
    ApprovalsController,
    ManagerAwardController,
    ReportsController,
    ReportFilesController,
  ],
  providers: [ManagerAwardsViews],
})
export class ManagerAwardsPagesModule {}
