import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../modules/applications/applications.module';
import { AwardsModule } from '../../modules/awards/awards.module';
import { DisbursementsModule } from '../../modules/disbursements/disbursements.module';
import { ReviewsModule } from '../../modules/reviews/reviews.module';
import { WebCoreModule } from '../web-core.module';
import { ApplicationOutcomeReader } from './application-outcome.reader';
import { AwardController } from './award.controller';
import { GranteeAwardsReader } from './grantee-awards.reader';
import { ReportController } from './report.controller';
import { ReportSender } from './report-sender';
import { ReportUploadInterceptor } from './report-upload.interceptor';

/**
 * The applicant's journey after submission: the round results of an application (a component and
 * its reader, for the receipt page), the award offer and its answer, tranches, payments received,
 * and milestone reports with their photos and receipts.
 */
@Module({
  imports: [WebCoreModule, ApplicationsModule, ReviewsModule, AwardsModule, DisbursementsModule],
  controllers: [AwardController, ReportController],
  providers: [ApplicationOutcomeReader, GranteeAwardsReader, ReportSender, ReportUploadInterceptor],
  exports: [ApplicationOutcomeReader],
})
export class GranteePagesModule {}
