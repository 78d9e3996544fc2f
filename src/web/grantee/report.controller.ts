import { Get, HttpCode, Inject, Post, Req, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { UuidParam } from '../../common/validation/uuid-param';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebController } from '../web-controller';
import { GranteeAwardsReader } from './grantee-awards.reader';
import { checkReportForm, emptyReportForm, readReportForm } from './report-form';
import { ReportFormPage } from './report-form.page';
import { refusalOnForm, uploadProblemError } from './report-problems';
import { ReportSender } from './report-sender';
import { ReportUploadInterceptor, uploadsOf } from './report-upload.interceptor';

/** The milestone report of one tranche: the form, and sending it with its photos and receipts. */
@WebController()
export class ReportController {
  constructor(
    private readonly awards: GranteeAwardsReader,
    private readonly sender: ReportSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('awards/:id/tranches/:trancheId/report')
  @Roles('applicant')
  async form(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @UuidParam('trancheId') trancheId: string,
  ): Promise<PageResult> {
    const data = await this.awards.reportForm(user.id, id, trancheId);
    const values = emptyReportForm(data.budgetLines.length);
    return page(ReportFormPage, { data, values, errors: [], kept: [], maxFileBytes: this.config.attachmentMaxBytes });
  }

  @Post('awards/:id/tranches/:trancheId/report')
  @Roles('applicant')
  @HttpCode(200)
  @UseInterceptors(ReportUploadInterceptor)
  async send(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @UuidParam('trancheId') trancheId: string,
    @Req() request: Request,
  ): Promise<PageResult | RedirectResult> {
    const data = await this.awards.reportForm(user.id, id, trancheId);
    const values = readReportForm(request.body, data.budgetLines.length);
    const uploads = uploadsOf(request);
    const { report, errors } = checkReportForm(values, data.budgetLines, uploads.files.length);
    if (uploads.problem) errors.push(uploadProblemError(uploads.problem));
    const maxFileBytes = this.config.attachmentMaxBytes;
    if (!report || errors.length) {
      const kept = await this.awards.keptFiles(user.id, id, values.keptFileIds);
      return page(ReportFormPage, { data, values, errors, kept, maxFileBytes }, 400);
    }
    const outcome = await this.sender.send(user.id, id, trancheId, report, values.keptFileIds, uploads.files);
    if (outcome.sent) return seeOther(`/awards/${id}?done=report`);
    const refusal = refusalOnForm(outcome.error, outcome.fileName);
    const kept = await this.awards.keptFiles(user.id, id, outcome.keptFileIds);
    const again = refusal.problemKey ? await this.awards.reportForm(user.id, id, trancheId) : data;
    return page(
      ReportFormPage,
      { data: again, values, errors: refusal.errors, kept, maxFileBytes, problemKey: refusal.problemKey },
      refusal.status,
    );
  }
}
