import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { orFieldErrors } from './refused';
import { checkSetupForm } from './setup-check';
import {
  formOfCompetition,
  formOfInput,
  newSetupForm,
  SetupForm,
  setupFields,
  shapeOf,
  withRowsChanged,
} from './setup-form';
import { SetupPage } from './setup.page';
import { PlaceChoices, SetupViews } from './setup-views';

type Result = PageResult | RedirectResult;
/** The longest value a field holds: a description (20 000 characters). */
const MAX_VALUE = 20_000;

/**
 * The setup of a competition as one form: a new one, and a draft edited. The form is checked as
 * the JSON API checks its body; the service checks the rules across fields and refuses with every
 * problem, which the page puts on its field. Once open, the setup is shown read only.
 */
@WebController()
export class SetupPagesController {
  constructor(
    private readonly views: SetupViews,
    private readonly competitions: CompetitionsService,
  ) {}

  /** The one list of competitions is the managers' home. */
  @Get('manage/competitions')
  @Roles('manager')
  list(): RedirectResult {
    return seeOther('/manage#competitions-heading');
  }

  @Get('manage/competitions/new')
  @Roles('manager')
  async newForm(): Promise<PageResult> {
    return this.render(null, newSetupForm(), await this.views.places(), []);
  }

  @Post('manage/competitions/new')
  @Roles('manager')
  @HttpCode(200)
  async create(@CurrentUser() actor: AuthUser, @Body() body: unknown): Promise<Result> {
    const places = await this.views.places();
    const { form, action } = this.posted(body, places);
    const changed = withRowsChanged(form, action);
    if (changed) return this.render(null, changed, places, []);
    const { dto, errors, rows } = checkSetupForm(form);
    if (!dto) return this.render(null, form, places, errors, 400);
    const outcome = await orFieldErrors(() => this.competitions.create(actor.id, dto), rows);
    if (!outcome.ok) return this.render(null, form, places, outcome.errors, outcome.status);
    return seeOther(`/manage/competitions/${outcome.value.id}`);
  }

  @Get('manage/competitions/:id/edit')
  @Roles('manager')
  async editForm(@Param('id') id: string): Promise<PageResult> {
    const competition = await this.views.competition(id);
    return this.render(competition, formOfCompetition(competition), await this.views.places(), []);
  }

  @Post('manage/competitions/:id/edit')
  @Roles('manager')
  @HttpCode(200)
  async save(@CurrentUser() actor: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<Result> {
    const competition = await this.views.competition(id);
    const places = await this.views.places();
    // Frozen since it opened: the stored setup, read only, with the sentence why (as the API's 409).
    if (competition.status !== 'draft')
      return this.render(competition, formOfCompetition(competition), places, [], 409);
    const { form, action } = this.posted(body, places);
    const changed = withRowsChanged(form, action);
    if (changed) return this.render(competition, changed, places, []);
    const { dto, errors, rows } = checkSetupForm(form);
    if (!dto) return this.render(competition, form, places, errors, 400);
    const outcome = await orFieldErrors(() => this.competitions.update(actor.id, competition.id, dto), rows);
    if (!outcome.ok) return this.render(competition, form, places, outcome.errors, outcome.status);
    return seeOther(`/manage/competitions/${competition.id}`);
  }

  private posted(body: unknown, places: PlaceChoices): { form: SetupForm; action: string } {
    const shape = shapeOf(body);
    const input = readForm(body, setupFields(shape, places), MAX_VALUE);
    return { form: formOfInput(input, shape, places), action: input.action };
  }

  private render(
    competition: Competition | null,
    form: SetupForm,
    places: PlaceChoices,
    errors: FieldError[],
    status = 200,
  ): PageResult {
    const shown = competition && { id: competition.id, status: competition.status, title: competition.title };
    return page(SetupPage, { competition: shown, form, places, errors }, status);
  }
}
