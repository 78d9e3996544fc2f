import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { UuidParam } from '../../common/validation/uuid-param';
import { PaymentsService } from '../../modules/disbursements/payments.service';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { pageParam } from '../ui/pager';
import { WebController } from '../web-controller';
import { FinanceViews } from './finance-views';
import { checkPayForm, isFormKey, isUuid, newPayValues, PAY_FIELDS, payRefusal, PayValues } from './pay-form';
import { PayPage, PayPageProps } from './pay.page';
import { ToPayPage } from './to-pay.page';

/**
 * Finance officers: approved tranches to pay, and recording a payment (DESIGN.md section 7). The
 * payment is the JSON API's use case, with the form's one-time key as its idempotency key: a form
 * sent twice records one payment. Every rule (four eyes, the value date, the money) is the payment
 * service's; a refusal stores nothing and is shown in words, with the values kept.
 */
@WebController()
export class FinanceController {
  constructor(
    private readonly views: FinanceViews,
    private readonly payments: PaymentsService,
  ) {}

  @Get('finance')
  @Roles('finance')
  async toPay(@Query('page') pageNumber?: string, @Query('paid') paid?: string): Promise<PageResult> {
    const view = await this.views.toPay(pageParam(pageNumber));
    const done = isUuid(paid) ? await this.views.tranche(paid).catch(() => undefined) : undefined;
    return page(ToPayPage, { view, paid: done?.status === 'paid' ? done : undefined });
  }

  @Get('finance/tranches/:id/pay')
  @Roles('finance')
  async form(@UuidParam() id: string): Promise<PageResult> {
    const tranche = await this.views.tranche(id);
    return this.shown({ tranche, values: newPayValues(), errors: [] });
  }

  @Post('finance/tranches/:id/pay')
  @Roles('finance')
  @HttpCode(200)
  async pay(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const values: PayValues = readForm(body, PAY_FIELDS, 200);
    const tranche = await this.views.tranche(id);
    if (!isFormKey(values.formKey))
      return this.shown(
        {
          tranche,
          values: { ...values, formKey: newPayValues().formKey },
          errors: [],
          problem: 'finance.pay.problem.formKey',
        },
        400,
      );
    const { input, errors } = checkPayForm(values);
    if (errors.length > 0) return this.shown({ tranche, values, errors }, 400);
    try {
      await this.payments.record(user, id, input, { value: values.formKey, responseStatus: 201 });
      return seeOther(`/finance?paid=${id}`);
    } catch (error) {
      const refusal = payRefusal(error);
      if (!refusal) throw error;
      const now = await this.views.tranche(id);
      return this.shown({ tranche: now, values, errors: refusal.errors, problem: refusal.problem }, refusal.status);
    }
  }

  /** A tranche that no longer waits for payment explains itself (409) and offers no form. */
  private shown(props: PayPageProps, status = 200): PageResult {
    const waiting = props.tranche.status === 'approved';
    return page(PayPage, props, !waiting && status < 400 ? 409 : status);
  }
}
