import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../../common/errors/domain-error';
import { CompetitionLifecycleService } from '../../../modules/competitions/competition-lifecycle.service';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { LifecycleAction, LifecyclePage, LifecyclePageProps } from './lifecycle.page';
import { identityRows, refusalErrors } from './setup-problems';
import { SetupViews } from './setup-views';

type Result = PageResult | RedirectResult;

/**
 * Opening and closing a competition from the web, confirmed first, through the same lifecycle
 * service as the JSON API. A refused opening shows every problem of the rule check in words.
 */
@WebController()
export class LifecyclePagesController {
  constructor(
    private readonly views: SetupViews,
    private readonly lifecycle: CompetitionLifecycleService,
  ) {}

  @Get('manage/competitions/:id/open')
  @Roles('manager')
  async openForm(@Param('id') id: string): Promise<PageResult> {
    return this.render('open', await this.views.competition(id));
  }

  @Post('manage/competitions/:id/open')
  @Roles('manager')
  @HttpCode(200)
  async open(@CurrentUser() actor: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<Result> {
    return this.move('open', id, body, (competitionId) => this.lifecycle.open(actor.id, competitionId));
  }

  @Get('manage/competitions/:id/close')
  @Roles('manager')
  async closeForm(@Param('id') id: string): Promise<PageResult> {
    return this.render('close', await this.views.competition(id));
  }

  @Post('manage/competitions/:id/close')
  @Roles('manager')
  @HttpCode(200)
  async close(@CurrentUser() actor: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<Result> {
    return this.move('close', id, body, (competitionId) => this.lifecycle.close(actor.id, competitionId));
  }

  private async move(
    action: LifecycleAction,
    id: string,
    body: unknown,
    call: (id: string) => Promise<Competition>,
  ): Promise<Result> {
    const { confirm } = readForm(body, ['confirm'] as const, 100);
    const competition = await this.views.competition(id);
    if (confirm !== 'yes')
      return this.render(action, competition, {
        errors: [{ field: 'confirm', message: 'managerCompetitions.error.confirm' }],
        status: 400,
      });
    try {
      await call(competition.id);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === CompetitionErrors.NOT_FOUND.code) throw error;
      const status = HTTP_STATUS_BY_KIND[error.kind];
      const fresh = await this.views.competition(id);
      const rows = identityRows({
        envelopes: fresh.envelopes?.length ?? 0,
        tranches: fresh.awardRules.trancheTemplate.length,
        floors: fresh.awardRules.floors.length,
      });
      const problems = error.code === CompetitionErrors.NOT_READY_TO_OPEN.code ? refusalErrors(error, rows) : null;
      return problems
        ? this.render(action, fresh, { problems, status })
        : this.render(action, fresh, { refusal: { code: error.code, details: error.details }, status });
    }
    return seeOther(`/manage/competitions/${competition.id}`);
  }

  private render(
    action: LifecycleAction,
    c: Competition,
    extra: Partial<Omit<LifecyclePageProps, 'action' | 'competition'>> & { status?: number } = {},
  ): PageResult {
    const { status = 200, ...rest } = extra;
    const props: LifecyclePageProps = {
      action,
      competition: {
        id: c.id,
        code: c.code,
        title: c.title,
        status: c.status,
        opensAt: c.opensAt,
        closesAt: c.closesAt,
      },
      errors: [],
      problems: [],
      refusal: null,
      ...rest,
    };
    return page(LifecyclePage, props, status);
  }
}
