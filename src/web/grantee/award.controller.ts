import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AwardOffersService } from '../../modules/awards/award-offers.service';
import { AwardErrors } from '../../modules/awards/awards.errors';
import { UuidParam } from '../../common/validation/uuid-param';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebController } from '../web-controller';
import { AwardPage, isAwardNotice } from './award.page';
import { DeclinePage, MAX_DECLINE_REASON } from './decline.page';
import { granteeActor } from './grantee-actor';
import { GranteeAwardsReader } from './grantee-awards.reader';

/** Refusals of an answer to the offer that the person can understand and act on; others become error pages. */
const ANSWER_PROBLEMS: Partial<Record<string, MessageKey>> = {
  [AwardErrors.WRONG_STATUS.code]: 'grantee.award.problem.answered',
  [AwardErrors.OFFER_EXPIRED.code]: 'grantee.award.problem.expired',
};

/** The grantee's award page, and their answer to the offer (accept, or decline after a confirmation step). */
@WebController()
export class AwardController {
  constructor(
    private readonly awards: GranteeAwardsReader,
    private readonly offers: AwardOffersService,
  ) {}

  @Get('awards/:id')
  @Roles('applicant')
  async show(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Query('done') done?: string,
  ): Promise<PageResult> {
    const award = await this.awards.award(user.id, id);
    return page(AwardPage, { award, now: new Date(), notice: isAwardNotice(done) ? done : undefined });
  }

  @Post('awards/:id/accept')
  @Roles('applicant')
  @HttpCode(200)
  async accept(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    readForm(body, []);
    try {
      await this.offers.accept(granteeActor(user.id), id);
      return seeOther(`/awards/${id}?done=accepted`);
    } catch (error) {
      return this.answerRefused(user, id, error);
    }
  }

  @Get('awards/:id/decline')
  @Roles('applicant')
  async declineStep(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<PageResult | RedirectResult> {
    const award = await this.awards.award(user.id, id);
    if (award.status !== 'approved') return seeOther(`/awards/${id}`);
    return page(DeclinePage, { award, reason: '', errors: [] });
  }

  @Post('awards/:id/decline')
  @Roles('applicant')
  @HttpCode(200)
  async decline(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const { reason } = readForm(body, ['reason']);
    if (reason.length > MAX_DECLINE_REASON) {
      const award = await this.awards.award(user.id, id);
      const errors = [
        { field: 'reason', message: 'grantee.decline.tooLong' as const, params: { max: MAX_DECLINE_REASON } },
      ];
      return page(DeclinePage, { award, reason, errors }, 400);
    }
    try {
      await this.offers.decline(granteeActor(user.id), id, reason || 'declined by the applicant');
      return seeOther(`/awards/${id}?done=declined`);
    } catch (error) {
      return this.answerRefused(user, id, error);
    }
  }

  /** The offer was answered already, or has lapsed: the award page says so, as it stands now. */
  private async answerRefused(user: AuthUser, id: string, error: unknown): Promise<PageResult> {
    const problemKey = error instanceof DomainError ? ANSWER_PROBLEMS[error.code] : undefined;
    if (!problemKey) throw error;
    const award = await this.awards.award(user.id, id);
    return page(AwardPage, { award, now: new Date(), problemKey }, 409);
  }
}
