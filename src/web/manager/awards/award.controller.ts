import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AwardDecisionsService } from '../../../modules/awards/award-decisions.service';
import { AwardErrors } from '../../../modules/awards/awards.errors';
import { MAX_TRANCHE_LABEL } from '../../../modules/awards/domain/tranches';
import { LANGUAGES, Language } from '../../../modules/users/domain/language';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { TrancheScheduleService } from '../../../modules/awards/tranche-schedule.service';
import { parseTenge, tengeInputValue } from '../../i18n/tenge';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { labelField, trancheField, TrancheValues } from './award-sections';
import { AwardProblem, decisionProblem, statusOf } from './award-problems';
import { isAwardNotice, MAX_REASON, ManagerAwardPage } from './award.page';
import { ManagerAwardsViews } from './manager-awards-views';
import { ManagerAward } from './manager-awards-view';

/** The schedule as stored, for the form. */
const storedSchedule = (award: ManagerAward): TrancheValues[] =>
  award.tranches.map((t) => ({
    amount: tengeInputValue(t.amount, ','),
    label: { kk: t.label.kk ?? '', ru: t.label.ru ?? '', en: t.label.en ?? '' },
  }));

/** The schedule form as typed, with the problems the page can name per field; `amounts` and `labels` when all read. */
function readSchedule(
  award: ManagerAward,
  body: unknown,
): { schedule: TrancheValues[]; errors: AwardProblem[]; amounts: bigint[]; labels: LocalizedText[] } {
  const fields = award.tranches.flatMap((t) => [
    trancheField(t.position),
    ...LANGUAGES.map((language) => labelField(t.position, language)),
  ]);
  const form = readForm(body, fields);
  const errors: AwardProblem[] = [];
  const schedule = award.tranches.map((t) => ({
    amount: form[trancheField(t.position)],
    label: Object.fromEntries(LANGUAGES.map((l) => [l, form[labelField(t.position, l)]])) as Record<Language, string>,
  }));
  const labels = schedule.map((values, i) => {
    const label = Object.fromEntries(LANGUAGES.filter((l) => values.label[l] !== '').map((l) => [l, values.label[l]]));
    const position = award.tranches[i].position;
    if (Object.keys(label).length === 0 || Object.values(label).some((text) => text.length > MAX_TRANCHE_LABEL))
      errors.push({
        field: labelField(position, 'kk'),
        message: 'managerAwards.tranches.error.label',
        params: { position, max: MAX_TRANCHE_LABEL },
      });
    return label;
  });
  const amounts = schedule.map((values, i) => {
    const minor = parseTenge(values.amount);
    if (minor === null || BigInt(minor) <= 0n)
      errors.push({
        field: trancheField(award.tranches[i].position),
        message: 'managerAwards.tranches.error.amount',
        params: { position: award.tranches[i].position },
      });
    return minor === null ? 0n : BigInt(minor);
  });
  return { schedule, errors, amounts, labels };
}

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
      schedule: storedSchedule(award),
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
    const { schedule, errors, amounts, labels } = readSchedule(award, body);
    if (errors.length) return page(ManagerAwardPage, { award, schedule, errors }, 400);
    try {
      await this.schedule.reschedule(user.id, id, amounts, labels);
      return seeOther(`/manage/awards/${id}?done=schedule`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === AwardErrors.INVALID_SCHEDULE.code) {
        const sum = amounts.reduce((s, a) => s + a, 0n);
        const problems = [
          {
            field: trancheField(award.tranches[0]?.position ?? 1),
            message: 'managerAwards.tranches.error.sum' as const,
            money: { sum, amount: award.amount },
          },
        ];
        return page(ManagerAwardPage, { award, schedule, errors: problems }, statusOf(error));
      }
      const problemKey = decisionProblem(error);
      if (!problemKey) throw error;
      const now = await this.views.award(user, id);
      return page(
        ManagerAwardPage,
        { award: now, schedule: storedSchedule(now), errors: [], problemKey },
        statusOf(error),
      );
    }
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
      return page(ManagerAwardPage, { award, schedule: storedSchedule(award), errors, reason }, 400);
    }
    try {
      await this.decisions.cancel(user.id, id, reason);
      return seeOther(`/manage/awards/${id}?done=cancelled`);
    } catch (error) {
      const problemKey = decisionProblem(error);
      if (!problemKey || !(error instanceof DomainError)) throw error;
      const award = await this.views.award(user, id);
      return page(
        ManagerAwardPage,
        { award, schedule: storedSchedule(award), errors: [], problemKey },
        statusOf(error),
      );
    }
  }
}
