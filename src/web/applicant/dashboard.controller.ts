import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { ApplicationErrors as E } from '../../modules/applications/applications.errors';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { FieldError } from '../ui/form';
import { WebController } from '../web-controller';
import { WebErrors } from '../web.errors';
import { ApplicantViews } from './applicant-views';
import { DashboardPage } from './dashboard.page';
import { StartPage } from './start.page';

/** Why a draft cannot start: the competition as a whole, or a field of the start form. */
const START_PROBLEMS: Record<string, MessageKey> = {
  [E.COMPETITION_NOT_OPEN.code]: 'apply.start.error.closed',
  [E.DEADLINE_PASSED.code]: 'apply.start.error.closed',
  [E.LIMIT_REACHED.code]: 'apply.start.error.limit',
};
const START_FIELD_PROBLEMS: Record<string, FieldError> = {
  [E.NO_HOME_VILLAGE.code]: { field: 'village', message: 'apply.start.error.village' },
  [E.VILLAGE_NOT_ELIGIBLE.code]: { field: 'village', message: 'apply.start.error.village' },
  [E.VILLAGE_REASON_REQUIRED.code]: { field: 'villageReason', message: 'apply.start.error.reason' },
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
  async startPage(
    @CurrentUser() actor: AuthUser,
    @Query('competition') competitionId: unknown,
  ): Promise<PageResult | RedirectResult> {
    // Without a competition there is nothing to start: the open ones are on the home page.
    if (typeof competitionId !== 'string' || !competitionId) return seeOther('/');
    const competition = await this.views.competition(competitionId);
    const choice = await this.views.villageChoice(actor, competition);
    const home = choice.villages.some((v) => v.id === choice.homeVillageId) ? (choice.homeVillageId as string) : '';
    return page(StartPage, { competition, choice, form: { village: home, villageReason: '' }, errors: [] });
  }

  /** Starts a draft for the chosen village, then its task list (POST-redirect-GET). */
  @Post('applications/new')
  @Roles('applicant')
  @HttpCode(200)
  async start(
    @CurrentUser() actor: AuthUser,
    @Query('competition') competitionId: unknown,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readForm(body, ['village', 'villageReason'], 2000);
    if (typeof competitionId !== 'string' || !competitionId) return seeOther('/');
    const competition = await this.views.competition(competitionId);
    const choice = await this.views.villageChoice(actor, competition);
    // The page offers only eligible villages; anything else is a forged form.
    if (form.village && !choice.villages.some((v) => v.id === form.village))
      throw new DomainError(WebErrors.FORM_INVALID, { field: 'village' });
    const shown = (status: number, errors: FieldError[], problem?: MessageKey) =>
      page(StartPage, { competition, choice, form, errors, problem }, status);
    if (form.villageReason.length > 1000)
      return shown(400, [{ field: 'villageReason', message: 'apply.start.error.reason' }]);
    try {
      const draft = await this.drafts.create(actor, competition.id, {
        ...(form.village && { villageId: form.village }),
        ...(form.villageReason && { villageReason: form.villageReason }),
      });
      return seeOther(`/applications/${draft.id}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code in START_FIELD_PROBLEMS) return shown(422, [START_FIELD_PROBLEMS[error.code]]);
      if (error.code in START_PROBLEMS) return shown(422, [], START_PROBLEMS[error.code]);
      throw error;
    }
  }
}
