import { randomUUID } from 'node:crypto';
import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { UuidParam } from '../../common/validation/uuid-param';
import { PaymentsService } from '../../modules/disbursements/payments.service';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { pageParam } from '../ui/pager';
import { WebController } from '../web-controller';
import { checkFailureForm, FAILURE_FIELDS, failureRefusal, FailureValues, MAX_REASON } from './failure-form';
import { FailurePage, FailurePageProps } from './failure.page';
import { FinanceViews } from './finance-views';
import { isFormKey, isUuid } from './pay-form';
import { PaymentsPage } from './payments.page';

/**
 * Finance officers' recorded payments, newest first, and a failed transfer: the JSON API's use
 * case, with the form's one-time key as its idempotency key. The ledger reversal and the tranche's
 * return to approved are the payment service's.
 */
@WebController()
export class FinancePaymentsController {
  constructor(
    private readonly views: FinanceViews,
    private readonly payments: PaymentsService,
  ) {}

  @Get('finance/payments')
  @Roles('finance')
  async list(@Query('page') pageNumber?: string, @Query('failed') failed?: string): Promise<PageResult> {
    const view = await this.views.recentPayments(pageParam(pageNumber));
    const done = isUuid(failed) ? await this.views.payment(failed).catch(() => undefined) : undefined;
    return page(PaymentsPage, { view, failed: done?.status === 'failed' ? done : undefined });
  }

  @Get('finance/payments/:id/failure')
  @Roles('finance')
  async form(@UuidParam() id: string): Promise<PageResult> {
    const payment = await this.views.payment(id);
    return this.shown({ payment, values: { reason: '', formKey: randomUUID() }, errors: [] });
  }

  @Post('finance/payments/:id/failure')
  @Roles('finance')
  @HttpCode(200)
  async fail(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const values: FailureValues = readForm(body, FAILURE_FIELDS, MAX_REASON + 100);
    const payment = await this.views.payment(id);
    if (!isFormKey(values.formKey)) {
      const fresh = { ...values, formKey: randomUUID() };
      return this.shown({ payment, values: fresh, errors: [], problem: 'finance.pay.problem.formKey' }, 400);
    }
    const { input, errors } = checkFailureForm(values);
    if (errors.length > 0) return this.shown({ payment, values, errors }, 400);
    try {
      await this.payments.fail(user, id, input, { value: values.formKey, responseStatus: 200 });
      return seeOther(`/finance/payments?failed=${id}`);
    } catch (error) {
      const refusal = failureRefusal(error);
      if (!refusal) throw error;
      const now = await this.views.payment(id);
      return this.shown({ payment: now, values, errors: [], problem: refusal.problem }, refusal.status);
    }
  }

  /** A payment that has failed already explains itself (409) and offers no form. */
  private shown(props: FailurePageProps, status = 200): PageResult {
    const open = props.payment.status === 'recorded';
    return page(FailurePage, props, !open && status < 400 ? 409 : status);
  }
}
