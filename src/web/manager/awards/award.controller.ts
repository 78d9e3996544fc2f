import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AwardDecisionsService } from '../../../modules/awards/award-decisions.service';
import { AwardErrors } from '../../../modules/awards/awards.errors';
import { TrancheScheduleService } from '../../../modules/awards/tranche-schedule.service';
import { parseTenge, tengeInputValue } from '../../i18n/tenge';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { trancheField } from './award-sections';
import { decisionProblem, statusOf } from './award-problems';
import { isAwardNotice, MAX_REASON, ManagerAwardPage } from './award.page';
import { ManagerAwardsViews } from './manager-awards-views';
import { ManagerAward } from './manager-awards-view';

const storedAmounts = (award: ManagerAward) => award.tranches.map((t) => tengeInputValue(t.amount, ','));

/** One award: its page, the tranche schedule's amounts (they add up to the award exactly: rule 8), and cancelling it. */
@WebController()
export class ManagerAwardController {
  constructor(
    private readonly views: ManagerAwardsViews,
    private readonly schedule: TrancheScheduleService,
    private readonly decisions: AwardDecisionsService,
  ) {}

  @Get('manage/awards/:id')
  @Roles('manager')
  async show(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Query('done') done?: string,
  ): Promise<PageResult> {
    const award = await this.views.award(user, id);
    return page(ManagerAwardPage, {
      award,
      amounts: storedAmounts(award),
      errors: [],
      notice: isAwardNotice(done) ? done : undefined,
    });
  }

  @Post('manage/awards/:id/tranches')
  @Roles('manager')
  @HttpCode(200)
  async reschedule(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const award = await this.views.award(user, id);
    const fields = award.tranches.map((t) => trancheField(t.position));
    const form = readForm(body, fields);
    const amounts = fields.map((f) => form[f]);
    const errors: FieldError[] = [];
    const parsed = amounts.map((typed, i) => {
      const minor = parseTenge(typed);
      if (minor === null || BigInt(minor) <= 0n)
        errors.push({
          field: fields[i],
          message: 'managerAwards.tranches.error.amount',
          params: { position: award.tranches[i].position },
        });
      return minor === null ? 0n : BigInt(minor);
    });
    if (errors.length === 0) {
      try {
        await this.schedule.reschedule(user.id, id, parsed);
        return seeOther(`/manage/awards/${id}?done=schedule`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === AwardErrors.INVALID_SCHEDULE.code) {
          const sum = parsed.reduce((s, a) => s + a, 0n);
          const problems = [
            {
              field: fields[0] ?? 'tranches',
              message: 'managerAwards.tranches.error.sum' as const,
              money: { sum, amount: award.amount },
            },
          ];
          return page(ManagerAwardPage, { award, amounts, errors: problems }, statusOf(error));
        }
        const problemKey = decisionProblem(error);
        if (!problemKey) throw error;
        const now = await this.views.award(user, id);
        return page(
          ManagerAwardPage,
          { award: now, amounts: storedAmounts(now), errors: [], problemKey },
          statusOf(error),
        );
      }
    }
    return page(ManagerAwardPage, { award, amounts, errors }, 400);
  }

  @Post('manage/awards/:id/cancel')
  @Roles('manager')
  @HttpCode(200)
  async cancel(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const { reason } = readForm(body, ['reason']);
    if (reason === '' || reason.length > MAX_REASON) {
      const award = await this.views.award(user, id);
      const errors = [
        { field: 'reason', message: 'managerAwards.cancel.error.reason' as const, params: { max: MAX_REASON } },
      ];
      return page(ManagerAwardPage, { award, amounts: storedAmounts(award), errors, reason }, 400);
    }
    try {
      await this.decisions.cancel(user.id, id, reason);
      return seeOther(`/manage/awards/${id}?done=cancelled`);
    } catch (error) {
      const problemKey = decisionProblem(error);
      if (!problemKey || !(error instanceof DomainError)) throw error;
      const award = await this.views.award(user, id);
      return page(ManagerAwardPage, { award, amounts: storedAmounts(award), errors: [], problemKey }, statusOf(error));
    }
  }
}
