import { randomUUID } from 'node:crypto';
import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AwardDecisionsService } from '../../../modules/awards/award-decisions.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { WebErrors } from '../../web.errors';
import { isFormKey } from './allocation-form';
import { ApprovalsPage, ApprovalsPageProps, commentField, isApprovalsNotice, MAX_COMMENT } from './approvals.page';
import { decisionProblem, statusOf } from './award-problems';
import { ManagerAwardsViews } from './manager-awards-views';

/**
 * "Awaiting my approval": proposals by other managers, approved or sent back with a comment. The
 * four-eyes rule is the decision service's: a forged post on one's own proposal is refused there
 * (403) and changes nothing. An approve button carries a one-time key, so pressing it twice
 * approves once.
 */
@WebController()
export class ApprovalsController {
  constructor(
    private readonly views: ManagerAwardsViews,
    private readonly decisions: AwardDecisionsService,
  ) {}

  @Get('manage/approvals')
  @Roles('manager')
  async show(@CurrentUser() user: AuthUser, @Query('done') done?: string): Promise<PageResult> {
    return page(ApprovalsPage, await this.props(user, { notice: isApprovalsNotice(done) ? done : undefined }));
  }

  @Post('manage/awards/:id/approve')
  @Roles('manager')
  @HttpCode(200)
  async approve(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const { formKey } = readForm(body, ['formKey']);
    if (!isFormKey(formKey)) throw new DomainError(WebErrors.FORM_INVALID, { field: 'formKey' });
    try {
      await this.decisions.approve(user.id, id, formKey);
      return seeOther('/manage/approvals?done=approved');
    } catch (error) {
      return this.refused(user, error);
    }
  }

  @Post('manage/awards/:id/send-back')
  @Roles('manager')
  @HttpCode(200)
  async sendBack(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const { comment } = readForm(body, ['comment']);
    if (comment === '' || comment.length > MAX_COMMENT) {
      const errors = [
        {
          field: commentField(id),
          message: 'managerAwards.approvals.error.comment' as const,
          params: { max: MAX_COMMENT },
        },
      ];
      return page(ApprovalsPage, await this.props(user, { comment: { awardId: id, value: comment, errors } }), 400);
    }
    try {
      await this.decisions.sendBack(user.id, id, comment);
      return seeOther('/manage/approvals?done=sentBack');
    } catch (error) {
      return this.refused(user, error);
    }
  }

  /** Decided meanwhile, or no longer fitting the money: the list as it is now, with the problem in words. */
  private async refused(user: AuthUser, error: unknown): Promise<PageResult> {
    const problemKey = decisionProblem(error);
    if (!problemKey || !(error instanceof DomainError)) throw error;
    return page(ApprovalsPage, await this.props(user, { problemKey }), statusOf(error));
  }

  private async props(user: AuthUser, extra: Partial<ApprovalsPageProps>): Promise<ApprovalsPageProps> {
    const proposals = await this.views.proposalsAwaiting(user);
    return { proposals, keys: Object.fromEntries(proposals.map((p) => [p.awardId, randomUUID()])), ...extra };
  }
}
