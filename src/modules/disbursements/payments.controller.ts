import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import { Idempotent, IdempotencyKeyHeader } from '../idempotency/idempotency-key.decorator';
import { IdempotencyErrors } from '../idempotency/idempotency.errors';
import { IdempotencyKey, IdempotentOutcome } from '../idempotency/idempotency.service';
import { REPLAYED_HEADER } from '../idempotency/idempotent-response.interceptor';
import { LedgerErrors } from '../ledger/ledger.errors';
import { PaymentErrors as E } from './disbursements.errors';
import { PaymentDto, PaymentFailureDto, PaymentPageDto, RecordPaymentDto } from './dto/payment.dto';
import { PaymentsQueryService } from './payments-query.service';
import { PaymentsService } from './payments.service';

const replayedHeader = {
  [REPLAYED_HEADER]: {
    description: '`true` when this is the stored response to an earlier request with the same key',
    schema: { type: 'string' },
  },
};
const KEY_ERRORS = [
  IdempotencyErrors.KEY_REQUIRED,
  IdempotencyErrors.KEY_INVALID,
  IdempotencyErrors.KEY_REUSED,
  IdempotencyErrors.KEY_IN_USE,
];

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly query: PaymentsQueryService,
  ) {}

  @Post('tranches/:id/payments')
  @Roles('finance')
  @Idempotent()
  @ApiOperation({
    summary:
      'Record the transfer of an approved tranche (not by the person who approved it): the ledger pays it, the grantee is told',
  })
  @ApiCreatedResponse({ type: PaymentDto, headers: replayedHeader })
  @ApiErrors(
    E.TRANCHE_NOT_FOUND,
    E.TRANCHE_NOT_APPROVED,
    E.AWARD_WRONG_STATUS,
    E.FOUR_EYES,
    E.PAID_ON_IN_FUTURE,
    E.PAID_ON_BEFORE_ACCEPTANCE,
    LedgerErrors.INSUFFICIENT_FUNDS,
    ...KEY_ERRORS,
  )
  async record(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @IdempotencyKeyHeader() key: IdempotencyKey,
    @Body() body: RecordPaymentDto,
  ): Promise<IdempotentOutcome<PaymentDto>> {
    return this.payments.record(actor, id, body, key);
  }

  @Post('payments/:id/failure')
  @HttpCode(200)
  @Roles('finance')
  @Idempotent()
  @ApiOperation({
    summary:
      'Record that a transfer failed: the ledger reverses it, the tranche is approved again and can be paid anew',
  })
  @ApiOkResponse({ type: PaymentDto, headers: replayedHeader })
  @ApiErrors(E.PAYMENT_NOT_FOUND, E.ALREADY_FAILED, E.AWARD_WRONG_STATUS, ...KEY_ERRORS)
  async fail(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @IdempotencyKeyHeader() key: IdempotencyKey,
    @Body() body: PaymentFailureDto,
  ): Promise<IdempotentOutcome<PaymentDto>> {
    return this.payments.fail(actor, id, body, key);
  }

  @Get('awards/:id/payments')
  @Roles('applicant', 'manager', 'finance', 'observer', 'admin')
  @ApiOperation({
    summary: 'The payments of an award, oldest first, failed ones included (a grantee sees only their own)',
  })
  @ApiOkResponse({ type: PaymentPageDto })
  @ApiErrors(E.AWARD_NOT_FOUND)
  async list(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<PaymentPageDto> {
    const [items, total] = await this.query.listByAward(actor, id, page);
    return pageOf(items, total, page);
  }
}
