import { Module } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';
import { IdempotentResponseInterceptor } from './idempotent-response.interceptor';

/** Idempotency keys for the endpoints that move money (DESIGN.md section 7); used inside their transactions. */
@Module({
  providers: [IdempotencyRepository, IdempotencyService, IdempotentResponseInterceptor],
  exports: [IdempotencyService, IdempotentResponseInterceptor],
})
export class IdempotencyModule {}
