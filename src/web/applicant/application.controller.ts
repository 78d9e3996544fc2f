import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { h, VNode } from 'preact';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { ApplicationSubmissionService } from '../../modules/applications/application-submission.service';
import { ApplicationErrors as E } from '../../modules/applications/applications.errors';
import { ApplicationStatus, canApplication } from '../../modules/applications/domain/application-status';
import { Problem } from '../../modules/applications/domain/submission-rules';
import { ApplicationOutcomeView } from '../grantee/application-outcome';
import { ApplicationOutcomeReader } from '../grantee/application-outcome.reader';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { FieldError } from '../ui/form';
import { WebController } from '../web-controller';
import { ApplicantViews, OwnApplication } from './applicant-views';
import { CheckAnswersPage } from './check-answers.page';
import { DeletePage } from './delete.page';
import { planGoals } from './plan-goals';
import { ReceiptPage } from './receipt.page';
import { linkProblems } from './submission-problems';
import { TaskListPage } from './task-list.page';
import { taskStates } from './task-states';
import { WithdrawPage } from './withdraw.page';
import { forReader } from './intake-banner';

const OUTCOME_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  'eligible',
  'in_review',
  'shortlisted',
  'awarded',
  'not_awarded',
]);

/** What stops a submission that the applicant cannot fix in the draft itself. */
const SUBMIT_BLOCKERS: Record<string, MessageKey> = {
  [E.EMAIL_NOT_CONFIRMED.code]: 'apply.check.emailNotConfirmed',
  [E.COMPETITION_NOT_OPEN.code]: 'apply.check.closed',
  [E.DEADLINE_PASSED.code]: 'apply.check.closed',
  [E.NOT_YET_OPEN.code]: 'apply.check.notYetOpen',
  [E.ANSWER_DATE_PASSED.code]: 'applyReturns.check.tooLate',
};

/** One application of the applicant: its task list while a draft, its receipt once submitted. */
@WebController()
export class ApplicationController {
  constructor(
    private readonly views: ApplicantViews,
    private readonly submission: ApplicationSubmissionService,
    private readonly drafts: ApplicationDraftsService,
    private readonly outcomes: ApplicationOutcomeReader,
  ) {}

  @Get('applications/:id')
  @Roles('applicant', 'manager')
  async show(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<PageResult | RedirectResult> {
    const own = await this.views.own(actor, id);
    const files = await this.views.files(actor, id);
    // A returned application is edited like a draft: its task list, with the manager's message on top.
    if (canApplication('edit', own.application.status)) {
      const states = taskStates(own.application, files.length);
      return forReader(own, page(TaskListPage, { ...own, states, now: new Date() }));
    }
    // Staff who entered it by assisted intake follow it on the managers' page from here on.
    if (own.onBehalfOf) return seeOther(`/manage/applications/${id}`);
    // Round results and the award offer (the grantee pages' component) once review has begun.
    const outcome = OUTCOME_STATUSES.has(own.application.status)
      ? (h(ApplicationOutcomeView, { outcome: await this.outcomes.forApplicant(actor.id, id) }) as VNode)
      : undefined;
    return page(ReceiptPage, {
      ...own,
      files,
      history: await this.views.history(actor, id),
      goals: planGoals(await this.views.plan(own.application.villageId)),
      outcome,
      lapsedAnswerBy: await this.views.lapsedReturn(actor, own.application),
    });
  }

  @Get('applications/:id/check')
  @Roles('applicant', 'manager')
  async check(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<PageResult | RedirectResult> {
    const own = await this.views.own(actor, id);
    if (!canApplication('edit', own.application.status)) return seeOther(`/applications/${id}`);
    return this.checkPage(actor, own, []);
  }

  /** Submits, or shows the check page again with every broken rule at once, each linked to its step. */
  @Post('applications/:id/submit')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  async submit(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    readForm(body, []);
    const own = await this.views.own(actor, id);
    try {
      await this.submission.submit(actor, id);
      return seeOther(own.onBehalfOf ? `/manage/applications/${id}` : `/applications/${id}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === E.NOT_DRAFT.code) return seeOther(`/applications/${id}`);
      if (error.code === E.INVALID.code)
        return this.checkPage(actor, own, (error.details?.fields ?? []) as Problem[], undefined, 422);
      if (error.code in SUBMIT_BLOCKERS) return this.checkPage(actor, own, [], SUBMIT_BLOCKERS[error.code], 409);
      throw error;
    }
  }

  @Get('applications/:id/withdraw')
  @Roles('applicant')
  async withdrawPage(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<PageResult> {
    const { application } = await this.views.own(actor, id);
    if (!canApplication('withdraw', application.status)) throw new DomainError(E.WRONG_STATUS);
    return page(WithdrawPage, { application, reason: '', errors: [] });
  }

  @Post('applications/:id/withdraw')
  @Roles('applicant')
  @HttpCode(200)
  async withdraw(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const input = readForm(body, ['reason']);
    const { application } = await this.views.own(actor, id);
    if (input.reason.length > 1000) {
      const errors: FieldError[] = [{ field: 'reason', message: 'apply.withdraw.error.reason' }];
      return page(WithdrawPage, { application, reason: input.reason, errors }, 400);
    }
    await this.submission.withdraw(actor, id, input.reason || undefined);
    return seeOther(`/applications/${id}`);
  }

  @Get('applications/:id/delete')
  @Roles('applicant', 'manager')
  async deletePage(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<PageResult | RedirectResult> {
    const own = await this.views.own(actor, id);
    if (!canApplication('delete', own.application.status)) return seeOther(`/applications/${id}`);
    return forReader(own, page(DeletePage, { application: own.application }));
  }

  @Post('applications/:id/delete')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  async delete(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RedirectResult> {
    readForm(body, []);
    const own = await this.views.own(actor, id);
    try {
      await this.drafts.remove(actor, id);
    } catch (error) {
      if (error instanceof DomainError && error.code === E.NOT_DRAFT.code) return seeOther(`/applications/${id}`);
      throw error;
    }
    return seeOther(
      own.onBehalfOf ? `/manage/competitions/${own.onBehalfOf.competitionId}/applications` : '/applications',
    );
  }

  private async checkPage(
    actor: AuthUser,
    own: OwnApplication,
    problems: Problem[],
    blocker?: MessageKey,
    status = 200,
  ): Promise<PageResult> {
    const { application, competition, openReturn } = own;
    const linked = linkProblems(application.id, problems, {
      minAward: competition.minAward,
      maxAward: competition.maxAward,
      minOwnSharePercent: competition.minOwnShareBp / 100,
      maxApplications: competition.maxApplicationsPerApplicant,
    });
    const shown = page(
      CheckAnswersPage,
      {
        application,
        goals: planGoals(await this.views.plan(application.villageId)),
        files: await this.views.files(actor, application.id),
        problems: linked,
        blocker,
        resubmitting: openReturn !== undefined,
      },
      status,
    );
    return forReader(own, shown);
  }
}
