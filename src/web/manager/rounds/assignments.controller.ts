import { Body, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AssignmentChangesService } from '../../../modules/reviews/assignment-changes.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { ADD_ASSIGNMENT_FIELDS, AssignmentsPage, CHANGE_ASSIGNMENT_FIELDS } from './assignments.page';
import { orRefusal } from './refusal';
import { Refusal } from './rounds-types';
import { RoundsViews } from './rounds-views';
import { RunsPanel } from './runs-panel';
import { UUID_PATTERN } from './uuid';

type Result = PageResult | RedirectResult;

/**
 * Assignment: engine runs (the worker solves them; the page follows their state), and a manager's
 * own changes: add a juror to an application, swap one juror for another, remove one.
 */
@WebController()
export class AssignmentsPagesController {
  constructor(
    private readonly views: RoundsViews,
    private readonly changes: AssignmentChangesService,
  ) {}

  @Get('manage/rounds/:id/assignments')
  @Roles('manager')
  async list(@UuidParam() id: string): Promise<PageResult> {
    return this.assignmentsPage(id, []);
  }

  /** The runs panel alone: what htmx polls while a run is queued. */
  @Get('manage/rounds/:id/runs')
  @Roles('manager')
  async runs(@UuidParam() id: string): Promise<PageResult> {
    const { round } = await this.views.round(id);
    return page(RunsPanel, { roundId: id, open: round.status === 'open', runs: await this.views.runs(id) });
  }

  @Post('manage/rounds/:id/assignment-runs')
  @Roles('manager')
  @HttpCode(200)
  async startRun(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    readForm(body, []);
    const outcome = await orRefusal(() => this.changes.requestRun(actor.id, id));
    if (!outcome.ok) return this.assignmentsPage(id, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${id}/assignments`);
  }

  @Post('manage/rounds/:id/assignments')
  @Roles('manager')
  @HttpCode(200)
  async add(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, ADD_ASSIGNMENT_FIELDS, 100);
    const errors: FieldError[] = [];
    if (!UUID_PATTERN.test(form.applicationId))
      errors.push({ field: 'applicationId', message: 'managerRounds.error.application' });
    if (!UUID_PATTERN.test(form.jurorId)) errors.push({ field: 'jurorId', message: 'managerRounds.error.juror' });
    if (errors.length) return this.assignmentsPage(id, errors, 400);
    const outcome = await orRefusal(() =>
      this.changes.add(actor.id, id, form.applicationId.toLowerCase(), form.jurorId.toLowerCase()),
    );
    if (!outcome.ok) return this.assignmentsPage(id, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${id}/assignments`);
  }

  @Post('manage/assignments/:id/swap')
  @Roles('manager')
  @HttpCode(200)
  async swap(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, CHANGE_ASSIGNMENT_FIELDS, 2000);
    const roundId = await this.views.roundOfAssignment(id);
    const errors: FieldError[] = [];
    if (!UUID_PATTERN.test(form.jurorId))
      errors.push({ field: `swap-juror-${id}`, message: 'managerRounds.error.juror' });
    if (!form.reason) errors.push({ field: `swap-reason-${id}`, message: 'managerRounds.error.reason' });
    if (errors.length) return this.assignmentsPage(roundId, errors, 400);
    const outcome = await orRefusal(() => this.changes.swap(actor.id, id, form.jurorId.toLowerCase(), form.reason));
    if (!outcome.ok) return this.assignmentsPage(roundId, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${roundId}/assignments`);
  }

  @Post('manage/assignments/:id/remove')
  @Roles('manager')
  @HttpCode(200)
  async remove(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, ['reason'] as const, 2000);
    const roundId = await this.views.roundOfAssignment(id);
    if (!form.reason)
      return this.assignmentsPage(
        roundId,
        [{ field: `remove-reason-${id}`, message: 'managerRounds.error.reason' }],
        400,
      );
    const outcome = await orRefusal(() => this.changes.remove(actor.id, id, form.reason));
    if (!outcome.ok) return this.assignmentsPage(roundId, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${roundId}/assignments`);
  }

  private async assignmentsPage(
    id: string,
    errors: FieldError[],
    status = 200,
    refusal: Refusal | null = null,
  ): Promise<PageResult> {
    const { round } = await this.views.round(id);
    const [runs, items, jurors] = await Promise.all([
      this.views.runs(id),
      round.status === 'draft' ? Promise.resolve([]) : this.views.assignmentList(id),
      this.views.assignableJurors(round.competitionId),
    ]);
    return page(
      AssignmentsPage,
      { round: { id, name: round.name, status: round.status }, runs, items, jurors, errors, refusal },
      status,
    );
  }
}
