import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { PlansService } from '../../../modules/plans/plans.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { pageParam } from '../../ui/pager';
import { WebController } from '../../web-controller';
import { isUuid } from './village-param';
import {
  changedRows,
  checkPlanForm,
  emptyPlanForm,
  formOfInput,
  formOfPlan,
  planFields,
  PlanForm,
  refusalOf,
  rowsOf,
} from './plan-form';
import { PlanPage, PlanPageProps } from './plan.page';
import { ChooseVillagePage, PlansPage } from './plans.page';
import { AdminPlansViews, statusParam } from './plans-views';

/** A refusal the page says in words (a rule, a conflict); anything else is the problem page. */
const shown = (error: unknown): DomainError | null =>
  error instanceof DomainError && ['conflict', 'rule', 'validation'].includes(error.kind) ? error : null;

/**
 * Admins' pages for village development plans: the list by status, a new draft for a village,
 * editing a draft's goals (rows added and removed without JavaScript), adopting and archiving.
 * The same PlansService as /api/plans; the form is checked with the API's CreatePlanDto.
 */
@WebController()
export class AdminPlansController {
  constructor(
    private readonly views: AdminPlansViews,
    private readonly plans: PlansService,
  ) {}

  @Get('admin/plans')
  @Roles('admin')
  async list(
    @CurrentUser() actor: AuthUser,
    @Query('status') status?: unknown,
    @Query('page') pageNumber?: unknown,
  ): Promise<PageResult> {
    return page(PlansPage, { view: await this.views.plansPage(statusParam(status), pageParam(pageNumber), actor) });
  }

  @Get('admin/plans/new')
  @Roles('admin')
  async newForm(@Query('village') village?: unknown): Promise<PageResult> {
    if (!isUuid(village)) return page(ChooseVillagePage, { villages: await this.views.villages() });
    const chosen = await this.views.village(village);
    return page(PlanPage, { village: chosen.name, villageId: chosen.id, form: emptyPlanForm(), errors: [] });
  }

  @Post('admin/plans/new')
  @Roles('admin')
  @HttpCode(200)
  async create(@CurrentUser() actor: AuthUser, @Body() body: unknown): Promise<PageResult | RedirectResult> {
    const rows = rowsOf(body);
    const input = readForm(body, planFields(rows), 5000);
    if (!isUuid(input.village)) return page(ChooseVillagePage, { villages: await this.views.villages() }, 400);
    const chosen = await this.views.village(input.village);
    const props = (form: PlanForm): PlanPageProps => ({ village: chosen.name, villageId: chosen.id, form, errors: [] });
    return this.saved(formOfInput(input, rows), input.action, chosen.id, props, async (dto) => {
      const plan = await this.plans.create(actor.id, chosen.id, dto);
      return `/admin/plans/${plan.id}?done=saved`;
    });
  }

  @Get('admin/plans/:id')
  @Roles('admin')
  async plan(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query('done') done?: unknown,
  ): Promise<PageResult> {
    const { plan, village } = await this.views.plan(id, actor);
    const outcome = typeof done === 'string' && ['saved', 'adopted', 'archived'].includes(done) ? done : undefined;
    return page(PlanPage, {
      village,
      villageId: plan.villageId,
      plan,
      form: formOfPlan(plan),
      errors: [],
      done: outcome,
    });
  }

  @Post('admin/plans/:id')
  @Roles('admin')
  @HttpCode(200)
  async save(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const rows = rowsOf(body);
    const input = readForm(body, planFields(rows), 5000);
    const { plan, village } = await this.views.plan(id, actor);
    if (plan.status !== 'draft') return seeOther(`/admin/plans/${id}`);
    const props = (form: PlanForm): PlanPageProps => ({ village, villageId: plan.villageId, plan, form, errors: [] });
    return this.saved(formOfInput(input, rows), input.action, plan.villageId, props, async (dto) => {
      await this.plans.update(actor.id, id, dto);
      return `/admin/plans/${id}?done=saved`;
    });
  }

  @Post('admin/plans/:id/adopt')
  @Roles('admin')
  @HttpCode(200)
  adopt(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown) {
    return this.move(actor, id, body, 'adopt');
  }

  @Post('admin/plans/:id/archive')
  @Roles('admin')
  @HttpCode(200)
  archive(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown) {
    return this.move(actor, id, body, 'archive');
  }

  /** Adds or removes a goal row (nothing stored), or checks and stores the form. */
  private async saved(
    form: PlanForm,
    action: string,
    villageId: string,
    props: (form: PlanForm) => PlanPageProps,
    store: (dto: NonNullable<ReturnType<typeof checkPlanForm>['dto']>) => Promise<string>,
  ): Promise<PageResult | RedirectResult> {
    const changed = changedRows(form, action);
    if (changed) return page(PlanPage, props(changed));
    const { dto, errors, index } = checkPlanForm(form, villageId);
    if (!dto) return page(PlanPage, { ...props(form), errors }, 400);
    try {
      return seeOther(await store(dto));
    } catch (error) {
      const refusal = shown(error);
      if (!refusal) throw error;
      const errors = [refusalOf(refusal.code, form, index)];
      return page(PlanPage, { ...props(form), errors }, HTTP_STATUS_BY_KIND[refusal.kind]);
    }
  }

  private async move(
    actor: AuthUser,
    id: string,
    body: unknown,
    action: 'adopt' | 'archive',
  ): Promise<PageResult | RedirectResult> {
    const input = readForm(body, ['confirm']);
    const { plan, village } = await this.views.plan(id, actor);
    const props: PlanPageProps = { village, villageId: plan.villageId, plan, form: formOfPlan(plan), errors: [] };
    if (input.confirm !== 'yes') {
      const errors = [{ field: `confirm-${action}`, message: 'adminPlans.error.confirm' as const }];
      return page(PlanPage, { ...props, errors }, 400);
    }
    try {
      if (action === 'adopt') await this.plans.adopt(actor.id, id);
      else await this.plans.archive(actor.id, id);
      return seeOther(`/admin/plans/${id}?done=${action === 'adopt' ? 'adopted' : 'archived'}`);
    } catch (error) {
      const refusal = shown(error);
      if (!refusal) throw error;
      const errors = [{ ...refusalOf(refusal.code, props.form, []), field: `confirm-${action}` }];
      return page(PlanPage, { ...props, errors }, HTTP_STATUS_BY_KIND[refusal.kind]);
    }
  }
}
