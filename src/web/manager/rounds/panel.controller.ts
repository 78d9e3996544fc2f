import { Body, Get, HttpCode, Post } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AddJurorDto } from '../../../modules/reviews/dto/jury.dto';
import { JuryService } from '../../../modules/reviews/jury.service';
import { ReviewErrors } from '../../../modules/reviews/reviews.errors';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { ADD_JUROR_FIELDS, AddJurorForm, JurorsPage } from './jurors.page';
import { orRefusal } from './refusal';
import { Refusal } from './rounds-types';
import { RoundsViews } from './rounds-views';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The competition's panel: add a juror by email with expertise tags, take one off, see conflicts. */
@WebController()
export class PanelPagesController {
  constructor(
    private readonly views: RoundsViews,
    private readonly jury: JuryService,
  ) {}

  @Get('manage/competitions/:id/jurors')
  @Roles('manager')
  async panel(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<PageResult> {
    return this.panelPage(actor, id, { email: '', expertise: '' }, []);
  }

  @Post('manage/competitions/:id/jurors')
  @Roles('manager')
  @HttpCode(200)
  async add(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readForm(body, ADD_JUROR_FIELDS, 1000) as AddJurorForm;
    await this.views.competition(id);
    const errors: FieldError[] = [];
    const userId = EMAIL.test(form.email) ? await this.views.userIdByEmail(form.email) : null;
    if (!userId) errors.push({ field: 'email', message: 'managerRounds.error.jurorEmail' });
    const expertise = form.expertise
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    // The tags are checked by the API's own DTO, so the page and the API refuse the same tags.
    const dto = plainToInstance(AddJurorDto, { userId: userId ?? '00000000-0000-4000-8000-000000000000', expertise });
    if (validateSync(dto).some((e) => e.property === 'expertise'))
      errors.push({ field: 'expertise', message: 'managerRounds.error.expertise' });
    if (errors.length || !userId) return this.panelPage(actor, id, form, errors, 400);
    const outcome = await orRefusal(() => this.jury.add(actor.id, id, { userId, expertise }));
    if (!outcome.ok) {
      // "Not a juror" belongs to the email field; anything else is said at the top.
      if (outcome.refusal.code === ReviewErrors.NOT_A_JUROR.code)
        return this.panelPage(
          actor,
          id,
          form,
          [{ field: 'email', message: 'managerRounds.error.notJuror' }],
          outcome.status,
        );
      return this.panelPage(actor, id, form, [], outcome.status, outcome.refusal);
    }
    return seeOther(`/manage/competitions/${id}/jurors`);
  }

  @Post('manage/competitions/:id/jurors/:userId/remove')
  @Roles('manager')
  @HttpCode(200)
  async remove(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    readForm(body, []);
    const outcome = await orRefusal(() => this.jury.remove(actor.id, id, userId));
    if (!outcome.ok)
      return this.panelPage(actor, id, { email: '', expertise: '' }, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/competitions/${id}/jurors`);
  }

  private async panelPage(
    actor: AuthUser,
    id: string,
    form: AddJurorForm,
    errors: FieldError[],
    status = 200,
    refusal: Refusal | null = null,
  ): Promise<PageResult> {
    const competition = await this.views.competition(id);
    return page(JurorsPage, { competition, jurors: await this.views.panel(actor, id), form, errors, refusal }, status);
  }
}
