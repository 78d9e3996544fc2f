import { Module } from '@nestjs/common';
import { AwardsModule } from '../../modules/awards/awards.module';
import { DisbursementsModule } from '../../modules/disbursements/disbursements.module';
import { WebCoreModule } from '../web-core.module';
import { FinanceController } from './finance.controller';
import { FinanceViews } from './finance-views';
import { FinancePaymentsController } from './payments.controller';

/** Finance officers' pages: approved tranches to pay, recording a payment, recent payments and failed transfers. */
@Module({
  imports: [WebCoreModule, AwardsModule, DisbursementsModule],
  controllers: [FinanceController, FinancePaymentsController],
  providers: [FinanceViews],
})
export class FinancePagesModule {}
