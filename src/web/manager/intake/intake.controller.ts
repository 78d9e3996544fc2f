import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../../modules/applications/application-drafts.service';
import { ApplicationErrors as E } from '../../../modules/applications/applications.errors';
import { parseContact } from '../../../modules/users/domain/contact';
import { MessageKey } from '../../i18n/catalogue';
import { readForm } from '../../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { WebErrors } from '../../web.errors';
import { IntakeForm, IntakePage } from './intake.page';
import { IntakeData, IntakeViews } from './intake-views';

const FIELDS = ['contact', 'applicant', 'village', 'villageReason'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY: IntakeForm = { contact: '', applicant: '', village: '', villageReason: '' };

/** Why the draft cannot start: the competition or the applicant as a whole, or one field. */
const START_PROBLEMS: Record<string, MessageKey> = {
  [E.COMPETITION_NOT_OPEN.code]: 'managerIntake.error.closed',
  [E.DEADLINE_PASSED.code]: 'managerIntake.error.closed',
  [E.LIMIT_REACHED.code]: 'managerIntake.error.limit',
};
const START_FIELD_PROBLEMS: Record<string, FieldError> = {
  [E.APPLICANT_NOT_FOUND.code]: { field: 'applicant', message: 'managerIntake.error.applicant' },
  [E.NO_HOME_VILLAGE.code]: { field: 'village', message: 'managerIntake.error.village' },
  [E.VILLAGE_NOT_ELIGIBLE.code]: { field: 'village', message: 'managerIntake.error.village' },
  [E.VILLAGE_REASON_REQUIRED.code]: { field: 'villageReason', message: 'managerIntake.error.reason' },
};

/**
 * Assisted intake: a manager finds the walk-in applicant's account and starts a draft for them
 * (the JSON API's assisted draft: flagged, same rules, audited with the manager as actor); the
 * steps then are the applicant's own pages.
 */
@WebController()
export class IntakeController {
  constructor(
    private readonly views: IntakeViews,
    private readonly drafts: ApplicationDraftsService,
  ) {}

  /** The search is a GET form: the address can be reloaded and nothing changes. */
  @Get('manage/competitions/:id/intake')
  @Roles('manager')
  async findPage(
    @Param('id') id: string,
    @Query('contact') contactQuery?: unknown,
    @Query('registered') registered?: unknown,
  ): Promise<PageResult> {
    const data = await this.views.competition(id);
    const contact = typeof contactQuery === 'string' ? contactQuery.trim().slice(0, 300) : '';
    const form = { ...EMPTY, contact };
    if (!contact) return page(IntakePage, { data, form, searched: false, matches: [], errors: [] });
    const parsed = parseContact(contact);
    if (!parsed) {
      const errors: FieldError[] = [{ field: 'contact', message: 'managerIntake.error.contact' }];
      return page(IntakePage, { data, form, searched: false, matches: [], errors }, 400);
    }
    const matches = await this.views.find(parsed);
    const notice = registered === '1' && matches.length > 0;
    return page(IntakePage, { data, form, searched: true, matches, errors: [], registered: notice });
  }

  /** Starts the assisted draft, then its task list on the applicant's pages (POST-redirect-GET). */
  @Post('manage/competitions/:id/intake')
  @Roles('manager')
  @HttpCode(200)
  async start(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readForm(body, FIELDS, 2000);
    const data = await this.views.competition(id);
    // The page offers only eligible villages and found accounts; anything else is a forged form.
    if (form.village && !data.villages.some((v) => v.id === form.village))
      throw new DomainError(WebErrors.FORM_INVALID, { field: 'village' });
    if (form.applicant && !UUID.test(form.applicant))
      throw new DomainError(WebErrors.FORM_INVALID, { field: 'applicant' });
    const matches = await this.views.applicant(form.applicant);
    const shown = (status: number, errors: FieldError[], problem?: MessageKey) =>
      page(IntakePage, { data, form, searched: true, matches, errors, problem }, status);
    const errors: FieldError[] = [];
    if (!form.applicant) errors.push({ field: 'applicant', message: 'managerIntake.error.applicantRequired' });
    if (form.villageReason.length > 1000)
      errors.push({ field: 'villageReason', message: 'managerIntake.error.reason' });
    if (errors.length) return this.refusedSearch(form, data, errors, 400);
    try {
      const draft = await this.drafts.create(
        actor,
        data.competition.id,
        {
          ...(form.village && { villageId: form.village }),
          ...(form.villageReason && { villageReason: form.villageReason }),
        },
        form.applicant,
      );
      return seeOther(`/applications/${draft.id}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === E.APPLICANT_NOT_FOUND.code)
        return this.refusedSearch(form, data, [START_FIELD_PROBLEMS[error.code]], 422);
      if (error.code in START_FIELD_PROBLEMS) return shown(422, [START_FIELD_PROBLEMS[error.code]]);
      if (error.code in START_PROBLEMS) return shown(422, [], START_PROBLEMS[error.code]);
      throw error;
    }
  }

  /** The page again with the search as it was (the hidden contact), and the problems named. */
  private async refusedSearch(
    form: IntakeForm,
    data: IntakeData,
    errors: FieldError[],
    status: number,
  ): Promise<PageResult> {
    const parsed = parseContact(form.contact);
    const matches = parsed ? await this.views.find(parsed) : [];
    return page(IntakePage, { data, form, searched: parsed !== null, matches, errors }, status);
  }
}
