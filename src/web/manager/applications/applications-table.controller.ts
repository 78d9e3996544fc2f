import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { ApplicationScreeningService } from '../../../modules/applications/application-screening.service';
import { ApplicationListingService } from '../../../modules/applications/application-listing.service';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { ApplicationsPage } from './applications.page';
import { ManagerApplicationsViews } from './manager-applications-views';
import { BULK_LIMIT, BulkForm, readBulkForm, screeningInput } from './screening-form';
import { ScreeningResultPage } from './screening-result.page';
import { ScreeningResults } from './screening-results';
import { applicationFilter, tableFilter, tableQuery, tableSearch } from './table-query';

/** A competition's applications: the table with its filters, and bulk screening with its outcome. */
@WebController()
export class ApplicationsTableController {
  constructor(
    private readonly views: ManagerApplicationsViews,
    private readonly listing: ApplicationListingService,
    private readonly screening: ApplicationScreeningService,
    private readonly results: ScreeningResults,
  ) {}

  /** `?status=&district=&village=&goal=&sector=&q=&sort=&order=&page=` (the filters' GET form, the headers, the pager). */
  @Get('manage/competitions/:id/applications')
  @Roles('manager', 'admin')
  async table(@Param('id') id: string, @Query() query: unknown): Promise<PageResult> {
    return page(ApplicationsPage, { data: await this.views.table(id, tableQuery(query)) });
  }

  /**
   * Screens the ticked applications, or every one the filters match (at most BULK_LIMIT, as the
   * JSON API), each in its own transaction; then the outcome of each (POST-redirect-GET).
   */
  @Post('manage/competitions/:id/applications/screening')
  @Roles('manager')
  @HttpCode(200)
  async screen(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readBulkForm(body);
    const competition = await this.views.competition(id);
    const { input, errors } = screeningInput(form);
    let ids = form.ids;
    if (form.all) {
      const matching = await this.listing.matchingIds(applicationFilter(competition.id, form.filter), BULK_LIMIT);
      if (matching.total > BULK_LIMIT)
        errors.unshift({ field: 'all', message: 'managerApplications.error.tooMany', params: { limit: BULK_LIMIT } });
      ids = matching.ids;
    }
    if (ids.length === 0 && !errors.some((e) => e.field === 'all'))
      errors.unshift({ field: 'all', message: 'managerApplications.error.none' });
    if (!input || errors.length > 0) return this.again(competition.id, form, errors);
    const outcomes = await this.screening.screenMany(
      actor,
      competition.id,
      ids.map((applicationId) => ({ applicationId, ...input })),
    );
    const key = await this.results.keep(actor.id, competition.id, outcomes);
    const search = tableSearch(form.filter);
    if (key) return seeOther(`/manage/competitions/${competition.id}/applications/screening/${key}${search}`);
    // Redis did not keep it: the outcome is shown in answer to the POST itself, once.
    return page(ScreeningResultPage, {
      competition,
      outcomes,
      rows: await this.views.rowsOf(competition.id, ids),
      back: this.back(competition.id, form),
    });
  }

  @Get('manage/competitions/:id/applications/screening/:result')
  @Roles('manager')
  async result(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Param('result') result: string,
    @Query() query: unknown,
  ): Promise<PageResult> {
    const competition = await this.views.competition(id);
    const outcomes = await this.results.read(actor.id, competition.id, result);
    const filter = tableFilter((typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>);
    return page(ScreeningResultPage, {
      competition,
      outcomes,
      rows: outcomes
        ? await this.views.rowsOf(
            competition.id,
            outcomes.map((o) => o.applicationId),
          )
        : [],
      back: `/manage/competitions/${competition.id}/applications${tableSearch(filter)}`,
    });
  }

  /** The table again with the form as sent and its problems (nothing was screened). */
  private async again(competitionId: string, form: BulkForm, errors: FieldError[]): Promise<PageResult> {
    const data = await this.views.table(competitionId, { ...tableQuery(form.filter) });
    return page(ApplicationsPage, { data, form, errors }, 400);
  }

  private back(competitionId: string, form: BulkForm): string {
    return `/manage/competitions/${competitionId}/applications${tableSearch(form.filter)}`;
  }
}
