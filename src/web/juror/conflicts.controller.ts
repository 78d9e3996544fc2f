import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { CONFLICT_KINDS, ConflictKind } from '../../modules/reviews/domain/jury/conflicts';
import { ReviewErrors as E } from '../../modules/reviews/reviews.errors';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { FieldError } from '../ui/form';
import { WebController } from '../web-controller';
import { ConflictsPage, DeclareForm } from './conflicts.page';
import { ConflictTarget, JurorViews } from './juror-views';
import { isNotice } from './juror-ui';

const TARGET = /^(applicant|assignment|village):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function targetOf(value: string): ConflictTarget | null {
  const match = TARGET.exec(value);
  if (!match) return null;
  const id = match[2].toLowerCase();
  return match[1] === 'applicant'
    ? { applicantId: id }
    : match[1] === 'village'
      ? { villageId: id }
      : { assignmentId: id };
}

/** `?from=` of the applicants' list: a whole number, else the first page. */
function offsetOf(from: unknown): number {
  const n = typeof from === 'string' && /^\d{1,7}$/.test(from) ? Number(from) : 0;
  return n;
}

/** Conflicts first: the juror declares ties before seeing any application, then confirms. */
@WebController()
export class ConflictsController {
  constructor(private readonly views: JurorViews) {}

  @Get('reviews/competitions/:id/conflicts')
  @Roles('juror')
  async show(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Query('from') from?: string,
    @Query('done') done?: string,
  ): Promise<PageResult> {
    const view = await this.views.conflicts(juror.id, id, offsetOf(from));
    return page(ConflictsPage, {
      view,
      form: { target: '', kind: '', note: '' },
      errors: [],
      notice: isNotice(done) ? done : undefined,
    });
  }

  @Post('reviews/competitions/:id/conflicts')
  @Roles('juror')
  @HttpCode(200)
  async declare(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form: DeclareForm = readForm(body, ['target', 'kind', 'note'], 4000);
    const view = await this.views.conflicts(juror.id, id, 0);
    const shown = (status: number, errors: FieldError[]) => page(ConflictsPage, { view, form, errors }, status);
    const target = targetOf(form.target);
    const errors: FieldError[] = [];
    if (!target) errors.push({ field: 'target', message: 'juror.conflicts.error.target' });
    if (!(CONFLICT_KINDS as readonly string[]).includes(form.kind))
      errors.push({ field: 'kind-family', message: 'juror.conflicts.error.kind' });
    if (form.note.length > 2000) errors.push({ field: 'note', message: 'juror.conflicts.error.note' });
    if (errors.length || !target) return shown(400, errors);
    try {
      await this.views.declare(juror.id, id, target, form.kind as ConflictKind, form.note);
    } catch (error) {
      if (
        error instanceof DomainError &&
        [E.CONFLICT_TARGET_NOT_FOUND.code, E.ASSIGNMENT_NOT_FOUND.code].includes(error.code)
      )
        return shown(422, [{ field: 'target', message: 'juror.conflicts.error.target' }]);
      throw error;
    }
    return seeOther(`/reviews/competitions/${id}/conflicts?done=declared`);
  }

  /** Takes back a declaration made by mistake, only before confirming (after that: 409). */
  @Post('reviews/competitions/:id/conflicts/:declarationId/remove')
  @Roles('juror')
  async remove(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Param('declarationId') declarationId: string,
    @Body() body: unknown,
  ): Promise<RedirectResult> {
    readForm(body, []);
    await this.views.withdrawDeclaration(juror.id, id, declarationId);
    return seeOther(`/reviews/competitions/${id}/conflicts?done=removed`);
  }

  /** The declaration is complete: the juror can be assigned and the workspace opens. */
  @Post('reviews/competitions/:id/conflicts/confirm')
  @Roles('juror')
  async confirm(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RedirectResult> {
    readForm(body, []);
    await this.views.confirm(juror.id, id);
    return seeOther('/reviews?done=confirmed');
  }
}
