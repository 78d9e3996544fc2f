import { Body, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { ApplicationErrors as E } from '../../modules/applications/applications.errors';
import { canApplication } from '../../modules/applications/domain/application-status';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebController } from '../web-controller';
import { AutosaveStatus } from './applicant-ui';
import { ApplicantViews } from './applicant-views';
import { budgetContent, budgetFields, rowCount, rowsFromForm, rowsFromLines } from './budget-form';
import { BudgetPage } from './budget.page';
import { validateDraft } from './draft-validation';
import { GoalsPage } from './goals.page';
import { planGoals } from './plan-goals';
import { PROJECT_FIELDS, ProjectForm, ProjectPage } from './project.page';
import { goalsContent, projectContent, projectForm } from './step-forms';
import { forReader } from './intake-banner';

type StepResult = PageResult | RedirectResult;

/**
 * The steps of a draft. Each page posts to itself and saves (then back to the task list, or, for
 * an htmx autosave, a "saved at" line); problems re-render the page with the values kept. An
 * application returned for changes has the same steps until its date to answer by; a submitted
 * one has none: they lead to its receipt.
 */
@WebController()
export class StepsController {
  constructor(
    private readonly views: ApplicantViews,
    private readonly drafts: ApplicationDraftsService,
  ) {}

  @Get('applications/:id/project')
  @Roles('applicant', 'manager')
  async projectPage(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<StepResult> {
    const own = await this.views.own(actor, id);
    if (!canApplication('edit', own.application.status)) return seeOther(`/applications/${id}`);
    return forReader(own, page(ProjectPage, { applicationId: id, form: projectForm(own.application), errors: [] }));
  }

  @Post('applications/:id/project')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  async saveProject(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('hx-request') htmx?: string,
  ): Promise<StepResult> {
    const form = readForm(body, PROJECT_FIELDS, 20_000) as ProjectForm;
    const own = await this.views.own(actor, id);
    const { content, errors } = await projectContent(form);
    if (errors.length)
      return this.refused(htmx, forReader(own, page(ProjectPage, { applicationId: id, form, errors }, 400)));
    return this.save(actor, id, content, htmx);
  }

  @Get('applications/:id/goals')
  @Roles('applicant', 'manager')
  async goalsPage(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<StepResult> {
    const own = await this.views.own(actor, id);
    const { application } = own;
    if (!canApplication('edit', application.status)) return seeOther(`/applications/${id}`);
    const plan = await this.views.plan(application.villageId);
    const goals = planGoals(plan);
    const linked = new Map((application.goals ?? []).map((g) => [g.goalId, g.contribution]));
    const choices = goals.map((g) => ({ chosen: linked.has(g.id), how: linked.get(g.id) ?? '' }));
    const planTitle = plan?.title ?? null;
    return forReader(own, page(GoalsPage, { applicationId: id, planTitle, goals, choices, errors: [] }));
  }

  @Post('applications/:id/goals')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  async saveGoals(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('hx-request') htmx?: string,
  ): Promise<StepResult> {
    const own = await this.views.own(actor, id);
    const plan = await this.views.plan(own.application.villageId);
    const goals = planGoals(plan);
    const fields = goals.flatMap((_, i) => [`goal-${i}`, `how-${i}`]);
    const input = readForm(body, fields, 2000);
    const { content, choices, errors } = await goalsContent(goals, input);
    if (errors.length)
      return this.refused(
        htmx,
        forReader(
          own,
          page(GoalsPage, { applicationId: id, planTitle: plan?.title ?? null, goals, choices, errors }, 400),
        ),
      );
    return this.save(actor, id, content, htmx);
  }

  @Get('applications/:id/budget')
  @Roles('applicant', 'manager')
  async budgetPage(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Query('rows') rows?: string,
  ): Promise<StepResult> {
    const own = await this.views.own(actor, id);
    const { application, competition } = own;
    if (!canApplication('edit', application.status)) return seeOther(`/applications/${id}`);
    const lines = application.budgetLines ?? [];
    return forReader(
      own,
      page(BudgetPage, {
        applicationId: id,
        competition,
        rows: rowsFromLines(lines, rowCount(rows, lines.length), ','),
        saved: { requested: application.requestedAmount, own: application.ownContribution },
        errors: [],
      }),
    );
  }

  /** Saves the rows; "add another line" and "remove" save too, then come back to the budget. */
  @Post('applications/:id/budget')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  async saveBudget(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('hx-request') htmx?: string,
  ): Promise<StepResult> {
    const count = rowCount((body as { rows?: unknown } | null)?.rows, 0);
    const input = readForm(body, budgetFields(count), 1000);
    const own = await this.views.own(actor, id);
    const { application, competition } = own;
    const removed = /^remove-(\d+)$/.exec(input.action)?.[1];
    const rows = rowsFromForm(input, count).filter((_, i) => String(i) !== removed);
    const { content, errors } = budgetContent(rows);
    const shown = input.action === 'add' ? [...rows, { category: '', description: '', amount: '', source: '' }] : rows;
    if (errors.length) {
      const saved = { requested: application.requestedAmount, own: application.ownContribution };
      const shownPage = page(BudgetPage, { applicationId: id, competition, rows: shown, saved, errors }, 400);
      return this.refused(htmx, forReader(own, shownPage));
    }
    const { dto, refused } = await validateDraft({ ...content });
    if (refused.length) throw new DomainError(E.INVALID, { fields: refused });
    const stay = input.action === 'add' || removed !== undefined;
    return this.save(actor, id, dto, htmx, stay ? `/applications/${id}/budget?rows=${shown.length}` : undefined);
  }

  private async save(
    actor: AuthUser,
    id: string,
    content: Parameters<ApplicationDraftsService['update']>[2],
    htmx: string | undefined,
    next = `/applications/${id}`,
  ): Promise<StepResult> {
    try {
      await this.drafts.update(actor, id, content);
    } catch (error) {
      // Submitted meanwhile, or a returned application whose date has passed: back to where it stands.
      if (error instanceof DomainError && (error.code === E.NOT_DRAFT.code || error.code === E.ANSWER_DATE_PASSED.code))
        return htmx === 'true' ? page(AutosaveStatus, { savedAt: null }) : seeOther(`/applications/${id}`);
      throw error;
    }
    return htmx === 'true' ? page(AutosaveStatus, { savedAt: new Date() }) : seeOther(next);
  }

  /** An autosave that cannot save says so in its line; a plain post shows the page with its problems. */
  private refused(htmx: string | undefined, shown: PageResult): PageResult {
    return htmx === 'true' ? page(AutosaveStatus, { savedAt: null }) : shown;
  }
}
