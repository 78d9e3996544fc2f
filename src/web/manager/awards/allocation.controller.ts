import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AwardProposalsService } from '../../../modules/awards/award-proposals.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { WebErrors } from '../../web.errors';
import { allocationFields, isFormKey, readAmounts, suggestedValues, valuesFromForm } from './allocation-form';
import { AllocationPage } from './allocation.page';
import { proposalProblems, statusOf } from './award-problems';
import { ManagerAwardsViews } from './manager-awards-views';

/**
 * The allocation of a competition: the ranked list with reasons and amounts, recalculated without
 * JavaScript by a submit, and proposed through the proposal service (which refuses what does not
 * fit the budget or an envelope, storing nothing). The form's one-time key makes a double submit
 * one set of proposals.
 */
@WebController()
export class AllocationController {
  constructor(
    private readonly views: ManagerAwardsViews,
    private readonly proposals: AwardProposalsService,
  ) {}

  @Get('manage/competitions/:id/awards')
  @Roles('manager')
  async show(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Query('proposed') proposed?: string,
  ): Promise<PageResult> {
    const view = await this.views.allocationOf(user, id);
    const count = Number(proposed);
    return page(AllocationPage, {
      view,
      values: suggestedValues(view, ','),
      problems: [],
      proposed: Number.isInteger(count) && count > 0 ? count : undefined,
    });
  }

  @Post('manage/competitions/:id/awards')
  @Roles('manager')
  @HttpCode(200)
  async propose(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const view = await this.views.allocationOf(user, id);
    const form = readForm(body, allocationFields(view));
    if (!isFormKey(form.formKey) || !['recalculate', 'propose'].includes(form.action))
      throw new DomainError(WebErrors.FORM_INVALID, { field: 'formKey' });
    const values = valuesFromForm(view, form);
    const { items, errors } = readAmounts(view.rows, values);
    if (errors.length) return page(AllocationPage, { view, values, problems: errors }, 400);
    if (form.action === 'recalculate') return page(AllocationPage, { view, values, problems: [] });
    if (items.length === 0)
      return page(
        AllocationPage,
        { view, values, problems: [{ field: 'amounts', message: 'managerAwards.allocation.error.none' as const }] },
        400,
      );
    try {
      const created = await this.proposals.propose(user.id, id, items, form.formKey);
      return seeOther(`/manage/competitions/${id}/awards?proposed=${created.length}`);
    } catch (error) {
      const problems = proposalProblems(error, view.rows, items);
      if (!problems || !(error instanceof DomainError)) throw error;
      // The list as it is now (another manager may have proposed meanwhile), with the amounts as typed.
      const now = await this.views.allocationOf(user, id);
      return page(AllocationPage, { view: now, values, problems }, statusOf(error));
    }
  }
}
