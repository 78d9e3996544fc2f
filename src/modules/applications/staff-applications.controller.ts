import { Language } from '../../common/i18n/language';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { pageOf } from '../../common/http/pagination';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { ApplicationListingService } from './application-listing.service';
import { ApplicationScreeningService } from './application-screening.service';
import { ApplicationErrors as E } from './applications.errors';
import { ListRow } from './applications-query.repository';
import { ApplicationDto } from './dto/application-view.dto';
import {
  ApplicationFilterDto,
  ApplicationListItemDto,
  ApplicationListQueryDto,
  ApplicationPageDto,
  ApplicationSummaryDto,
  BulkScreeningDto,
  BulkScreeningOutcomeDto,
  ScreeningDto,
} from './dto/staff.dto';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { BULK_SCREENING_EXAMPLE } from './dto/application.examples';

const toItem = (row: ListRow): ApplicationListItemDto => ({
  ...ApplicationDto.from(row.application),
  villageName: row.villageName,
  districtName: row.districtName,
  applicantName: row.applicantName,
  screeningReason: row.application.screeningReason,
});

/** What grant managers do with a competition's applications: list, export, count, screen. */
@ApiTags('applications')
@Controller()
export class StaffApplicationsController {
  constructor(
    private readonly listing: ApplicationListingService,
    private readonly screening: ApplicationScreeningService,
  ) {}

  @Get('competitions/:id/applications')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Applications of a competition (drafts excluded unless asked for), filtered, sorted and paged',
  })
  @ApiOkResponse({ type: ApplicationPageDto })
  @ApiErrors()
  async list(@UuidParam() competitionId: string, @Query() query: ApplicationListQueryDto): Promise<ApplicationPageDto> {
    const [rows, total] = await this.listing.list(
      { ...query, competitionId },
      query.sort,
      query.order,
      query.limit,
      query.offset,
    );
    return pageOf(rows.map(toItem), total, query);
  }

  @Get('competitions/:id/applications/export.csv')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'The same list as CSV (UTF-8 with BOM), every matching application',
    description:
      'Place names in the language Accept-Language asks for (kk, ru or en; Kazakh by default), else kk, ru, en',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  @ApiErrors()
  async exportCsv(
    @UuidParam() competitionId: string,
    @Query() query: ApplicationFilterDto,
    @Res() res: Response,
    @ReaderLanguage() lang: Language,
  ): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="applications-${competitionId}.csv"`);
    for await (const chunk of this.listing.csv({ ...query, competitionId }, lang)) res.write(chunk);
    res.end();
  }

  @Get('competitions/:id/applications/summary')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({ summary: 'Counts by status, village, district, goal and sector; total requested against the budget' })
  @ApiOkResponse({ type: ApplicationSummaryDto })
  async summary(@UuidParam() competitionId: string): Promise<ApplicationSummaryDto> {
    const summary = await this.listing.summary(competitionId);
    return { ...summary, requestedTotal: summary.requestedTotal.toString(), budget: summary.budget.toString() };
  }

  @Post('applications/:id/screening')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a submitted application eligible or ineligible (with a reason); ineligible applicants get a mail',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS, E.SCREENING_REASON_REQUIRED)
  async screen(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: ScreeningDto,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.screening.screen(actor, id, body));
  }

  @Post('competitions/:id/screening')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Screen many applications of the competition at once; each gets its own outcome' })
  @ApiOkResponse({ type: [BulkScreeningOutcomeDto] })
  @ApiErrors(E.SCREENING_REASON_REQUIRED)
  @ApiExampleBody(BulkScreeningDto, 'One eligible, one ineligible with its reason', BULK_SCREENING_EXAMPLE)
  async screenMany(
    @CurrentUser() actor: AuthUser,
    @UuidParam() competitionId: string,
    @Body() body: BulkScreeningDto,
  ): Promise<BulkScreeningOutcomeDto[]> {
    return this.screening.screenMany(actor, competitionId, body.decisions);
  }
}
