import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AssignmentChangesService } from '../../../modules/reviews/assignment-changes.service';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { pageParam } from '../../ui/pager';
import { WebController } from '../../web-controller';
import { WebErrors } from '../../web.errors';
import {
  ADD_ASSIGNMENT_FIELDS,
  AssignmentAddPage,
  AssignmentChangePage,
  CHANGE_ASSIGNMENT_FIELDS,
} from './assignment-change.page';
import { AssignmentsPage } from './assignments.page';
import { orRefusal } from './refusal';
import { Refusal } from './rounds-types';
import { ASSIGNMENTS_PER_PAGE, RoundsViews } from './rounds-views';
import { RunsPanel } from './runs-panel';
import { UUID_PATTERN } from './uuid';

type Result = PageResult | RedirectResult;

/**
 * Assignment: engine runs (the worker solves them; the page follows their state), a page of the
 * round's applications with their jurors, and a manager's own changes, each on a page of its own:
 * add a juror to an application, swap one juror for another, remove one.
 */
@WebController()
export class AssignmentsPagesController {
  constructor(
    private readonly views: RoundsViews,
    private readonly changes: AssignmentChangesService,
  ) {}

  @Get('manage/rounds/:id/assignments')
  @Roles('manager')
  async list(@UuidParam() id: string, @Query('page') pageNumber?: string): Promise<PageResult> {
    return this.assignmentsPage(id, pageParam(pageNumber), []);
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
    if (!outcome.ok) return this.assignmentsPage(id, 1, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${id}/assignments`);
  }

  @Get('manage/rounds/:id/assignments/add')
  @Roles('manager')
  async addPage(@UuidParam() id: string, @Query('application') applicationId?: string): Promise<PageResult> {
    return this.addForm(id, this.applicationOf(applicationId), []);
  }

  @Post('manage/rounds/:id/assignments')
  @Roles('manager')
  @HttpCode(200)
  async add(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, ADD_ASSIGNMENT_FIELDS, 100);
    const applicationId = this.applicationOf(form.applicationId);
    if (!UUID_PATTERN.test(form.jurorId))
      return this.addForm(id, applicationId, [{ field: 'jurorId', message: 'managerRounds.error.juror' }], 400);
    const outcome = await orRefusal(() => this.changes.add(actor.id, id, applicationId, form.jurorId.toLowerCase()));
    if (!outcome.ok) return this.addForm(id, applicationId, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${id}/assignments`);
  }

  @Get('manage/assignments/:id')
  @Roles('manager')
  async changePage(@UuidParam() id: string): Promise<PageResult> {
    return this.changeForm(id, []);
  }

  @Post('manage/assignments/:id/swap')
  @Roles('manager')
  @HttpCode(200)
  async swap(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, CHANGE_ASSIGNMENT_FIELDS, 2000);
    const { roundId } = await this.views.placeOfAssignment(id);
    const errors: FieldError[] = [];
    if (!UUID_PATTERN.test(form.jurorId)) errors.push({ field: 'jurorId', message: 'managerRounds.error.juror' });
    if (!form.reason) errors.push({ field: `swap-reason-${id}`, message: 'managerRounds.error.reason' });
    if (errors.length) return this.changeForm(id, errors, 400);
    const outcome = await orRefusal(() => this.changes.swap(actor.id, id, form.jurorId.toLowerCase(), form.reason));
    if (!outcome.ok) return this.changeForm(id, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${roundId}/assignments`);
  }

  @Post('manage/assignments/:id/remove')
  @Roles('manager')
  @HttpCode(200)
  async remove(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<Result> {
    const form = readForm(body, ['reason'] as const, 2000);
    const { roundId } = await this.views.placeOfAssignment(id);
    if (!form.reason)
      return this.changeForm(id, [{ field: `remove-reason-${id}`, message: 'managerRounds.error.reason' }], 400);
    const outcome = await orRefusal(() => this.changes.remove(actor.id, id, form.reason));
    if (!outcome.ok) return this.changeForm(id, [], outcome.status, outcome.refusal);
    return seeOther(`/manage/rounds/${roundId}/assignments`);
  }

  /** The application a link or the add form names: a hidden field or a link nobody could have sent otherwise is a forged form. */
  private applicationOf(value: string | undefined): string {
    if (!value || !UUID_PATTERN.test(value)) throw new DomainError(WebErrors.FORM_INVALID, { field: 'applicationId' });
    return value.toLowerCase();
  }

  private async assignmentsPage(
    id: string,
    pageNumber: number,
    errors: FieldError[],
    status = 200,
    refusal: Refusal | null = null,
  ): Promise<PageResult> {
    const { round } = await this.views.round(id);
    const [runs, list] = await Promise.all([
      this.views.runs(id),
      round.status === 'draft' ? Promise.resolve({ items: [], total: 0 }) : this.views.assignmentList(id, pageNumber),
    ]);
    return page(
      AssignmentsPage,
      {
        round: { id, name: round.name, status: round.status },
        runs,
        items: list.items,
        page: pageNumber,
        pages: Math.ceil(list.total / ASSIGNMENTS_PER_PAGE),
        errors,
        refusal,
      },
      status,
    );
  }

  private async addForm(
    roundId: string,
    applicationId: string,
    errors: FieldError[],
    status = 200,
    refusal: Refusal | null = null,
  ): Promise<PageResult> {
    const { round } = await this.views.round(roundId);
    const item = await this.views.applicationAssignments(roundId, applicationId);
    const jurors = await this.choosable(round.competitionId, item.assignments);
    return page(AssignmentAddPage, { round: { id: roundId, name: round.name }, item, jurors, errors, refusal }, status);
  }

  private async changeForm(
    assignmentId: string,
    errors: FieldError[],
    status = 200,
    refusal: Refusal | null = null,
  ): Promise<PageResult> {
    const { roundId, applicationId } = await this.views.placeOfAssignment(assignmentId);
    const { round } = await this.views.round(roundId);
    const item = await this.views.applicationAssignments(roundId, applicationId);
    const assignment = item.assignments.find((a) => a.id === assignmentId);
    // A removed or swapped assignment has nothing left to change: back to the list.
    if (!assignment) return this.assignmentsPage(roundId, 1, errors, status, refusal);
    const jurors = await this.choosable(round.competitionId, item.assignments);
    return page(
      AssignmentChangePage,
      { round: { id: roundId, name: round.name }, item, assignment, jurors, errors, refusal },
      status,
    );
  }

  /** Confirmed panel members who are not on the application yet. */
  private async choosable(competitionId: string, on: { jurorId: string }[]) {
    const jurors = await this.views.assignableJurors(competitionId);
    return jurors.filter((j) => !on.some((a) => a.jurorId === j.id));
  }
}
