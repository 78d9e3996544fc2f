import { Body, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { RoundsService } from '../../../modules/reviews/rounds.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { emptyRow, formOfInput, formOfMethod, MAX_CRITERIA, methodFields, methodOfForm, shapeOf } from './method-form';
import { MethodPage } from './method.page';
import { orRefusal } from './refusal';
import { RoundPage } from './round.page';
import { RoundsViews } from './rounds-views';

/**
 * The method of a draft round as a form. "Add a criterion" and "remove" show the form again with
 * the rows changed (nothing stored); "save" checks everything as the JSON API does and stores it,
 * or shows every broken rule. Once the round opens the method is frozen: the form leads to the round.
 */
@WebController()
export class MethodPagesController {
  constructor(
    private readonly views: RoundsViews,
    private readonly rounds: RoundsService,
  ) {}

  @Get('manage/rounds/:id/method')
  @Roles('manager')
  async form(@UuidParam() id: string): Promise<PageResult | RedirectResult> {
    const { round } = await this.views.round(id);
    if (round.status !== 'draft') return seeOther(`/manage/rounds/${id}`);
    return page(MethodPage, { roundId: id, form: formOfMethod(round.name, round.deadline, round.method), errors: [] });
  }

  @Post('manage/rounds/:id/method')
  @Roles('manager')
  @HttpCode(200)
  async save(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const shape = shapeOf(body);
    const input = readForm(body, methodFields(shape), 4000);
    const { round } = await this.views.round(id);
    if (round.status !== 'draft') return seeOther(`/manage/rounds/${id}`);
    const form = formOfInput(input, shape);
    const removed = /^remove-(\d+)$/.exec(input.action)?.[1];
    if (removed !== undefined && form.rows.length > 1) {
      form.rows = form.rows.filter((_, i) => String(i) !== removed);
      return page(MethodPage, { roundId: id, form, errors: [] });
    }
    if (input.action === 'add') {
      if (form.rows.length < MAX_CRITERIA) form.rows = [...form.rows, emptyRow()];
      return page(MethodPage, { roundId: id, form, errors: [] });
    }
    const { dto, errors } = methodOfForm(form);
    if (!dto) return page(MethodPage, { roundId: id, form, errors }, 400);
    const outcome = await orRefusal(() => this.rounds.update(actor.id, id, dto));
    if (!outcome.ok)
      return page(RoundPage, { ...(await this.views.roundPage(id)), refusal: outcome.refusal }, outcome.status);
    return seeOther(`/manage/rounds/${id}`);
  }
}
