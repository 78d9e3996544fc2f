import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { ApplicationErrors as E } from '../../modules/applications/applications.errors';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebController } from '../web-controller';
import { ApplicantViews } from './applicant-views';
import { DashboardPage } from './dashboard.page';
import { StartPage } from './start.page';

/** Why a draft cannot start, in words the applicant can act on. */
const START_PROBLEMS: Record<string, MessageKey> = {
  [E.COMPETITION_NOT_OPEN.code]: 'apply.start.error.closed',
  [E.DEADLINE_PASSED.code]: 'apply.start.error.closed',
  [E.NO_HOME_VILLAGE.code]: 'apply.start.error.noHomeVillage',
  [E.VILLAGE_NOT_ELIGIBLE.code]: 'apply.start.error.villageNotEligible',
  [E.LIMIT_REACHED.code]: 'apply.start.error.limit',
};

@WebController()
export class DashboardController {
  constructor(
    private readonly views: ApplicantViews,
    private readonly drafts: ApplicationDraftsService,
  ) {}

  @Get('applications')
  @Roles('applicant')
  async dashboard(@CurrentUser() actor: AuthUser): Promise<PageResult> {
    return page(DashboardPage, { ...(await this.views.dashboard(actor)), now: new Date() });
  }

  @Get('applications/new')
  @Roles('applicant')
  async startPage(@Query('competition') competitionId: unknown): Promise<PageResult | RedirectResult> {
    // Without a competition there is nothing to start: the open ones are on the home page.
    if (typeof competitionId !== 'string' || !competitionId) return seeOther('/');
    return page(StartPage, { competition: await this.views.competition(competitionId) });
  }

  /** Starts a draft for the applicant's home village, then its task list (POST-redirect-GET). */
  @Post('applications/new')
  @Roles('applicant')
  @HttpCode(200)
  async start(
    @CurrentUser() actor: AuthUser,
    @Query('competition') competitionId: unknown,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    readForm(body, []);
    if (typeof competitionId !== 'string' || !competitionId) return seeOther('/');
    const competition = await this.views.competition(competitionId);
    try {
      const draft = await this.drafts.create(actor, competition.id, {});
      return seeOther(`/applications/${draft.id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || !(error.code in START_PROBLEMS)) throw error;
      return page(StartPage, { competition, problem: START_PROBLEMS[error.code] }, 422);
    }
  }
}
