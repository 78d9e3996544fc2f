import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { RUBRIC_TEMPLATES, templateMethod } from '../../../modules/reviews/domain/rubric-templates';
import { ReviewRemindersService } from '../../../modules/reviews/review-reminders.service';
import { RoundsService } from '../../../modules/reviews/rounds.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { deadlineOfDate } from './deadline';
import { NEW_ROUND_FIELDS, NewRoundForm, NewRoundPage } from './new-round.page';
import { orRefusal } from './refusal';
import { RoundPage } from './round.page';
import { RoundsPage } from './rounds.page';
import { RoundsViews } from './rounds-views';
import { UUID_PATTERN } from './uuid';

type Result = PageResult | RedirectResult;

/** What a redirect back to the round page says happened (`?done=`). */
const DONE = ['opened', 'closed', 'finalizing', 'reminded', 'nothingToRemind'] as const;

/** A competition's rounds, a new round from a template or an earlier round, one round and its lifecycle. */
@WebController()
export class RoundsPagesController {
  constructor(
    private readonly views: RoundsViews,
    private readonly rounds: RoundsService,
    private readonly reminders: ReviewRemindersService,
  ) {}

  @Get('manage/competitions/:id/rounds')
  @Roles('manager')
  async list(@UuidParam() id: string): Promise<PageResult> {
    const competition = await this.views.competition(id);
    return page(RoundsPage, { competition, rounds: await this.views.roundList(id) });
  }

  @Get('manage/competitions/:id/rounds/new')
  @Roles('manager')
  async newRound(@UuidParam() id: string): Promise<PageResult> {
    return this.newRoundPage(id, { name: '', deadline: '', source: '' }, []);
  }

  @Post('manage/competitions/:id/rounds/new')
  @Roles('manager')
  @HttpCode(200)
  async create(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, NEW_ROUND_FIELDS, 500) as NewRoundForm;
    await this.views.competition(id);
    const errors: FieldError[] = [];
    if (!form.name || form.name.length > 200) errors.push({ field: 'name', message: 'managerRounds.error.name' });
    const deadline = deadlineOfDate(form.deadline);
    if (!deadline) errors.push({ field: 'deadline', message: 'managerRounds.error.deadline' });
    const [kind, key] = form.source.split(':');
    const method =
      kind === 'template'
        ? templateMethod(key ?? '')
        : kind === 'round' && UUID_PATTERN.test(key ?? '')
          ? await this.views.methodOf(key)
          : form.source === ''
            ? templateMethod(RUBRIC_TEMPLATES[0].code)
            : null;
    if (!method) errors.push({ field: 'source', message: 'managerRounds.error.source' });
    if (errors.length || !method || !deadline) return this.newRoundPage(id, form, errors, 400);
    const round = await this.rounds.create(actor.id, id, { name: form.name, deadline: new Date(deadline), method });
    return seeOther(`/manage/rounds/${round.id}/method`);
  }

  @Get('manage/rounds/:id')
  @Roles('manager')
  async round(@UuidParam() id: string, @Query('done') done?: string): Promise<PageResult> {
    const shown = (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null;
    const props = await this.views.roundPage(id);
    return page(RoundPage, { ...props, done: shown });
  }

  @Post('manage/rounds/:id/open')
  @Roles('manager')
  @HttpCode(200)
  async open(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    readForm(body, []);
    const outcome = await orRefusal(() => this.rounds.open(actor.id, id));
    if (!outcome.ok)
      return page(RoundPage, { ...(await this.views.roundPage(id)), refusal: outcome.refusal }, outcome.status);
    return seeOther(`/manage/rounds/${id}?done=opened`);
  }

  @Post('manage/rounds/:id/close')
  @Roles('manager')
  @HttpCode(200)
  async close(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    return this.confirmed(id, body, 'closed', () => this.rounds.close(actor.id, id));
  }

  @Post('manage/rounds/:id/finalize')
  @Roles('manager')
  @HttpCode(200)
  async finalize(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    return this.confirmed(id, body, 'finalizing', () => this.rounds.requestFinalize(actor.id, id));
  }

  /** A nudge to one juror with unfinished scoresheets, by mail through the outbox. */
  @Post('manage/rounds/:id/reminders')
  @Roles('manager')
  @HttpCode(200)
  async remind(@UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const { jurorId } = readForm(body, ['jurorId'] as const, 100);
    if (!UUID_PATTERN.test(jurorId))
      return this.refusedRound(id, { field: 'jurorId', message: 'managerRounds.error.juror' });
    const outcome = await orRefusal(() => this.reminders.remindJuror(id, jurorId.toLowerCase()));
    if (!outcome.ok)
      return page(RoundPage, { ...(await this.views.roundPage(id)), refusal: outcome.refusal }, outcome.status);
    return seeOther(`/manage/rounds/${id}?done=${outcome.value > 0 ? 'reminded' : 'nothingToRemind'}`);
  }

  private async confirmed(
    id: string,
    body: unknown,
    done: (typeof DONE)[number],
    call: () => Promise<unknown>,
  ): Promise<Result> {
    const { confirm } = readForm(body, ['confirm'] as const, 100);
    if (confirm !== 'yes') return this.refusedRound(id, { field: 'confirm', message: 'managerRounds.error.confirm' });
    const outcome = await orRefusal(call);
    if (!outcome.ok)
      return page(RoundPage, { ...(await this.views.roundPage(id)), refusal: outcome.refusal }, outcome.status);
    return seeOther(`/manage/rounds/${id}?done=${done}`);
  }

  private async refusedRound(id: string, error: FieldError): Promise<PageResult> {
    return page(RoundPage, { ...(await this.views.roundPage(id)), errors: [error] }, 400);
  }

  private async newRoundPage(id: string, form: NewRoundForm, errors: FieldError[], status = 200): Promise<PageResult> {
    const competition = await this.views.competition(id);
    const { own: earlier, elsewhere } = await this.views.copyableRounds(id);
    return page(
      NewRoundPage,
      {
        competition,
        templates: RUBRIC_TEMPLATES.map((t) => ({ code: t.code, title: t.title })),
        earlier,
        elsewhere,
        form,
        errors,
      },
      status,
    );
  }
}
