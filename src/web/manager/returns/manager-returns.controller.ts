import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { ApplicationReturnsService } from '../../../modules/applications/application-returns.service';
import { ApplicationErrors as E } from '../../../modules/applications/applications.errors';
import { MessageKey } from '../../i18n/catalogue';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { dayAfter, endOfDay } from './answer-by';
import { ManagerReturnsViews } from './manager-returns-views';
import { ReturnApplication, ReturnForm, ReturnPage } from './return.page';

const FIELD_MESSAGES: Record<string, MessageKey> = {
  message: 'managerReturns.error.message',
  answerBy: 'managerReturns.error.answerBy',
};
/** The form suggests five days, the time most returns need. */
const SUGGESTED_DAYS = 5;

/** A manager returns a submitted application for changes (DESIGN.md section 3). */
@WebController()
export class ManagerReturnsController {
  constructor(
    private readonly views: ManagerReturnsViews,
    private readonly returns: ApplicationReturnsService,
  ) {}

  @Get('manage/applications/:id/return')
  @Roles('manager')
  async form(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<PageResult> {
    const application = await this.views.application(actor, id);
    const form = { message: '', answerBy: dayAfter(new Date(), SUGGESTED_DAYS) };
    return this.shown(application, form, []);
  }

  /** Returns it, then back to the application's page; problems re-render the form with the values kept. */
  @Post('manage/applications/:id/return')
  @Roles('manager')
  @HttpCode(200)
  async send(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readForm(body, ['message', 'answerBy'], 4000) as ReturnForm;
    const application = await this.views.application(actor, id);
    try {
      await this.returns.returnForChanges(actor, id, { message: form.message, answerBy: endOfDay(form.answerBy) });
      return seeOther(`/manage/applications/${id}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === E.RETURN_INVALID.code) {
        const fields = (error.details?.fields ?? []) as { field: string }[];
        const errors = fields.map((f) => ({ field: f.field, message: FIELD_MESSAGES[f.field] }));
        return this.shown(application, form, errors, 400);
      }
      if (error.code === E.WRONG_STATUS.code) {
        const now = await this.views.application(actor, id);
        return this.shown(now, form, [], 409);
      }
      throw error;
    }
  }

  private shown(application: ReturnApplication, form: ReturnForm, errors: FieldError[], status = 200): PageResult {
    // Only a submitted application can be returned: any other status explains itself (409).
    const problem: MessageKey | undefined =
      application.status === 'submitted' ? undefined : 'managerReturns.error.status';
    return page(ReturnPage, { application, form, errors, problem }, problem ? 409 : status);
  }
}
