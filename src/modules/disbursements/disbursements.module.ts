import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AwardsModule } from '../awards/awards.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PaymentsController } from './payments.controller';
import { PaymentsQueryService } from './payments-query.service';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { RecentPaymentsReadModel } from './recent-payments.read-model';

/** Disbursements: finance officers record payments of approved tranches, and failed transfers; behind awards in the chain. */
@Module({
  imports: [AwardsModule, LedgerModule, IdempotencyModule, AuditModule],
  controllers: [PaymentsController],
  providers: [PaymentsRepository, PaymentsService, PaymentsQueryService, RecentPaymentsReadModel],
  // PaymentsService: for the finance officers' web pages, the same use case the JSON route calls.
  exports: [PaymentsQueryService, PaymentsService],
})
export class DisbursementsModule {}
