import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { MilestoneReportsService } from '../../../modules/awards/milestone-reports.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { decisionProblem, statusOf } from './award-problems';
import { ManagerAwardsViews } from './manager-awards-views';
import { MAX_REVIEW_COMMENT, ReportPage } from './report.page';
import { isReportsNotice, ReportsPage } from './reports.page';

/** Milestone reports to review across the competitions, one report, and its decision: approve, or return with a comment. */
@WebController()
export class ReportsController {
  constructor(
    private readonly views: ManagerAwardsViews,
    private readonly reports: MilestoneReportsService,
  ) {}

  @Get('manage/reports')
  @Roles('manager')
  async list(@Query('done') done?: string): Promise<PageResult> {
    const reports = await this.views.reportsAwaiting();
    return page(ReportsPage, { reports, notice: isReportsNotice(done) ? done : undefined });
  }

  @Get('manage/reports/:id')
  @Roles('manager')
  async show(@UuidParam() id: string): Promise<PageResult> {
    return page(ReportPage, { report: await this.views.report(id), comment: '', errors: [] });
  }

  @Post('manage/reports/:id/approve')
  @Roles('manager')
  @HttpCode(200)
  async approve(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    readForm(body, []);
    try {
      await this.reports.approve(user.id, id);
      return seeOther('/manage/reports?done=approved');
    } catch (error) {
      return this.refused(id, error);
    }
  }

  @Post('manage/reports/:id/return')
  @Roles('manager')
  @HttpCode(200)
  async returnReport(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const { comment } = readForm(body, ['comment']);
    if (comment === '' || comment.length > MAX_REVIEW_COMMENT) {
      const errors = [
        {
          field: 'comment',
          message: 'managerAwards.report.error.comment' as const,
          params: { max: MAX_REVIEW_COMMENT },
        },
      ];
      return page(ReportPage, { report: await this.views.report(id), comment, errors }, 400);
    }
    try {
      await this.reports.returnReport(user.id, id, comment);
      return seeOther('/manage/reports?done=returned');
    } catch (error) {
      return this.refused(id, error);
    }
  }

  /** Decided meanwhile by another manager: the report as it is now, with the problem in words. */
  private async refused(id: string, error: unknown): Promise<PageResult> {
    const problemKey = decisionProblem(error);
    if (!problemKey || !(error instanceof DomainError)) throw error;
    return page(
      ReportPage,
      { report: await this.views.report(id), comment: '', errors: [], problemKey },
      statusOf(error),
    );
  }
}
