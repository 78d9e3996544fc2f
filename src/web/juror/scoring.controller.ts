import { Body, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ReviewErrors as E } from '../../modules/reviews/reviews.errors';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebController } from '../web-controller';
import { AssignmentPageView, JurorViews } from './juror-views';
import { isNotice } from './juror-ui';
import { RecusePage } from './recuse.page';
import { formOf, problemsOf, readScoreForm, scoresheetInput } from './scoresheet-form';
import { AutosaveLine, ScoringPage } from './scoring.page';
import { orConflictsFirst } from './unconfirmed';

type Result = PageResult | RedirectResult;

/**
 * The scoring page of one assignment: read the blind snapshot, score by the rubric, save a draft
 * (also by htmx after a pause, answered with a "saved at" line) or submit; and recusal.
 */
@WebController()
export class ScoringController {
  constructor(private readonly views: JurorViews) {}

  @Get('reviews/assignments/:id')
  @Roles('juror')
  async show(@CurrentUser() juror: AuthUser, @Param('id') id: string, @Query('done') done?: string): Promise<Result> {
    const shown = await orConflictsFirst(() => this.views.assignment(juror.id, id));
    if (shown instanceof RedirectResult) return shown;
    const form = formOf(shown.view.scoresheet, shown.view.round.criteria);
    return page(ScoringPage, { page: shown, form, problems: [], notice: isNotice(done) ? done : undefined });
  }

  @Post('reviews/assignments/:id')
  @Roles('juror')
  @HttpCode(200)
  async save(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('hx-request') htmx?: string,
  ): Promise<Result> {
    return this.store(juror, id, body, false, htmx === 'true');
  }

  @Post('reviews/assignments/:id/submit')
  @Roles('juror')
  @HttpCode(200)
  async submit(@CurrentUser() juror: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<Result> {
    return this.store(juror, id, body, true, false);
  }

  @Get('reviews/assignments/:id/recuse')
  @Roles('juror')
  async recusePage(@CurrentUser() juror: AuthUser, @Param('id') id: string): Promise<Result> {
    const shown = await orConflictsFirst(() => this.views.assignment(juror.id, id));
    if (shown instanceof RedirectResult) return shown;
    if (!shown.view.editable) return seeOther(`/reviews/assignments/${id}`);
    return page(RecusePage, { assignmentId: id, title: shown.view.application.title, reason: '', errors: [] });
  }

  /** Ends the assignment with the reason: the scoresheet is withdrawn and another juror takes the place. */
  @Post('reviews/assignments/:id/recuse')
  @Roles('juror')
  @HttpCode(200)
  async recuse(@CurrentUser() juror: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<Result> {
    const { reason } = readForm(body, ['reason'], 4000);
    const shown = await orConflictsFirst(() => this.views.assignment(juror.id, id));
    if (shown instanceof RedirectResult) return shown;
    if (reason.length === 0 || reason.length > 2000)
      return page(
        RecusePage,
        {
          assignmentId: id,
          title: shown.view.application.title,
          reason,
          errors: [{ field: 'reason', message: 'juror.recuse.error.reason' as const }],
        },
        400,
      );
    await this.views.recuse(juror.id, id, reason);
    return seeOther(`/reviews/rounds/${shown.view.round.id}?done=recused`);
  }

  private async store(juror: AuthUser, id: string, body: unknown, submit: boolean, htmx: boolean): Promise<Result> {
    const shown = await orConflictsFirst(() => this.views.assignment(juror.id, id));
    if (shown instanceof RedirectResult) return shown;
    const criteria = shown.view.round.criteria;
    const form = readScoreForm(body, criteria);
    try {
      await this.views.save(juror.id, id, scoresheetInput(form, submit));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== E.INCOMPLETE_SCORESHEET.code) throw error;
      if (htmx) return page(AutosaveLine, { savedAt: null });
      const problems = problemsOf(error.details?.fields, form, criteria);
      return page(ScoringPage, { page: shown as AssignmentPageView, form, problems }, 400);
    }
    if (htmx) return page(AutosaveLine, { savedAt: new Date() });
    return seeOther(
      submit ? `/reviews/rounds/${shown.view.round.id}?done=submitted` : `/reviews/assignments/${id}?done=saved`,
    );
  }
}
