import { Module } from '@nestjs/common';
import { FundingReportsController } from './funding-reports.controller';
import { FundingReportsRepository } from './funding-reports.repository';
import { FundingReportsService } from './funding-reports.service';

/** Read-only funding reports over awards, payments, milestone reports and the ledger. */
@Module({
  controllers: [FundingReportsController],
  providers: [FundingReportsRepository, FundingReportsService],
  exports: [FundingReportsService],
})
export class FundingReportsModule {}
