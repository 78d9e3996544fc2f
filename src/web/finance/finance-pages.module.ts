import { Module } from '@nestjs/common';
import { AwardsModule } from '../../modules/awards/awards.module';
import { DisbursementsModule } from '../../modules/disbursements/disbursements.module';
import { WebCoreModule } from '../web-core.module';
import { FinanceController } from './finance.controller';
import { FinanceViews } from './finance-views';

/** Finance officers' pages: approved tranches to pay, and recording a payment. */
@Module({
  imports: [WebCoreModule, AwardsModule, DisbursementsModule],
  controllers: [FinanceController],
  providers: [FinanceViews],
})
export class FinancePagesModule {}
