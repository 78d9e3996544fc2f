import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { ApplicationScreeningService } from '../../../modules/applications/application-screening.service';
import { ApplicationErrors } from '../../../modules/applications/applications.errors';
import { AttachmentErrors } from '../../../modules/attachments/attachments.errors';
import { AttachmentsService } from '../../../modules/attachments/attachments.service';
import { MessageKey } from '../../i18n/catalogue';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { WebErrors } from '../../web.errors';
import { pathId } from '../../public/public-reads';
import { ApplicationPage } from './application.page';
import { ManagerApplicationsViews } from './manager-applications-views';
import { SCREENING_FIELDS, ScreeningForm, screeningInput } from './screening-form';

const NOTICES: Record<string, MessageKey> = {
  screened: 'managerApplications.notice.screened',
  identifying: 'managerApplications.notice.identifying',
};
const EMPTY: ScreeningForm = { decision: '', reason: '', note: '' };

/** One application for its managers: read it, screen it, mark its files. */
@WebController()
export class ManagerApplicationController {
  constructor(
    private readonly views: ManagerApplicationsViews,
    private readonly screening: ApplicationScreeningService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('manage/applications/:id')
  @Roles('manager', 'admin')
  async show(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Query('done') done?: string,
  ): Promise<PageResult> {
    return this.render(actor, id, EMPTY, [], 200, NOTICES[done ?? '']);
  }

  @Post('manage/applications/:id/screening')
  @Roles('manager')
  @HttpCode(200)
  async screen(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readForm(body, SCREENING_FIELDS, 2000);
    const applicationId = pathId(id, ApplicationErrors.NOT_FOUND);
    const { input, errors } = screeningInput(form);
    if (!input) return this.render(actor, applicationId, form, errors, 400);
    try {
      await this.screening.screen(actor, applicationId, input);
    } catch (error) {
      if (error instanceof DomainError && error.code === ApplicationErrors.WRONG_STATUS.code)
        return this.render(actor, applicationId, form, [], 409, undefined, 'managerApplications.error.notWaiting');
      throw error;
    }
    return seeOther(`/manage/applications/${applicationId}?done=screened`);
  }

  /** `identifying=yes|no`: whether the file may reveal who applied (jurors of a blind round see only "no"). */
  @Post('manage/applications/:id/attachments/:attachmentId/identifying')
  @Roles('manager')
  @HttpCode(200)
  async mark(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Body() body: unknown,
  ): Promise<RedirectResult> {
    const form = readForm(body, ['identifying'], 100);
    const applicationId = pathId(id, ApplicationErrors.NOT_FOUND);
    const fileId = pathId(attachmentId, AttachmentErrors.NOT_FOUND);
    if (form.identifying !== 'yes' && form.identifying !== 'no')
      throw new DomainError(WebErrors.FORM_INVALID, { field: 'identifying' });
    await this.attachments.markIdentifying(actor, applicationId, fileId, form.identifying === 'yes');
    return seeOther(`/manage/applications/${applicationId}?done=identifying#files`);
  }

  private async render(
    actor: AuthUser,
    id: string,
    form: ScreeningForm,
    errors: FieldError[],
    status: number,
    notice?: MessageKey,
    problem?: MessageKey,
  ): Promise<PageResult> {
    const data = await this.views.application(actor, id);
    return page(ApplicationPage, { data, form, errors, notice, problem }, status);
  }
}
