import { Language } from '../../common/i18n/language';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/access.decorators';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { CompetitionErrors } from '../competitions/competitions.errors';
import { BudgetReportDto, FundingReportDto, ReportFormat, ReportFormatQueryDto } from './dto/funding-report.dto';
import { FundingReportsService } from './funding-reports.service';
import { Breakdown } from './funding-reports.repository';

const AMOUNTS =
  'Amounts are integer strings in minor units (tiyn). Committed counts awards approved or further along, plus what was paid on awards cancelled later; paid counts recorded payments; jobs are each live award’s latest approved milestone report.';

@ApiTags('reports')
@Controller('competitions/:id/reports')
export class FundingReportsController {
  constructor(private readonly reports: FundingReportsService) {}

  @Get('budget')
  @Roles('manager', 'finance', 'observer', 'admin')
  @ApiOperation({
    summary:
      'Does the budget add up: budget, committed, paid, remaining and payable from the awards and payments, beside the ledger’s own balances',
    description: `${AMOUNTS} consistent is true when the ledger's budget, payable and paid equal remaining, payable and paid; both sides are read in one snapshot.`,
  })
  @ApiOkResponse({ type: BudgetReportDto })
  @ApiErrors(CompetitionErrors.NOT_FOUND)
  async budget(@UuidParam() id: string): Promise<BudgetReportDto> {
    return this.reports.budget(id);
  }

  @Get('by-district')
  @Roles('manager', 'finance', 'observer', 'admin')
  @ApiOperation({ summary: 'Grants, committed, paid and jobs created per district', description: AMOUNTS })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: FundingReportDto,
    description: 'JSON, or CSV with ?format=csv (names in the Accept-Language language, Kazakh by default)',
  })
  @ApiErrors(CompetitionErrors.NOT_FOUND)
  async byDistrict(
    @UuidParam() id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
    @ReaderLanguage() lang: Language,
  ): Promise<FundingReportDto | string> {
    return this.respond(id, 'district', query.format, res, lang);
  }

  @Get('by-village')
  @Roles('manager', 'finance', 'observer', 'admin')
  @ApiOperation({ summary: 'Grants, committed, paid and jobs created per village', description: AMOUNTS })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: FundingReportDto,
    description: 'JSON, or CSV with ?format=csv (names in the Accept-Language language, Kazakh by default)',
  })
  @ApiErrors(CompetitionErrors.NOT_FOUND)
  async byVillage(
    @UuidParam() id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
    @ReaderLanguage() lang: Language,
  ): Promise<FundingReportDto | string> {
    return this.respond(id, 'village', query.format, res, lang);
  }

  @Get('by-goal')
  @Roles('manager', 'finance', 'observer', 'admin')
  @ApiOperation({
    summary: 'Grants, committed, paid and jobs created per village plan goal',
    description: `${AMOUNTS} An award whose application serves several goals counts in full under each of them, so the rows can add up to more than the competition's totals.`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: FundingReportDto,
    description: 'JSON, or CSV with ?format=csv (names in the Accept-Language language, Kazakh by default)',
  })
  @ApiErrors(CompetitionErrors.NOT_FOUND)
  async byGoal(
    @UuidParam() id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
    @ReaderLanguage() lang: Language,
  ): Promise<FundingReportDto | string> {
    return this.respond(id, 'goal', query.format, res, lang);
  }

  private async respond(
    id: string,
    by: Breakdown,
    format: ReportFormat | undefined,
    res: Response,
    lang: Language,
  ): Promise<FundingReportDto | string> {
    const report = await this.reports.breakdown(id, by);
    if (format !== 'csv') return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="funding-by-${by}-${id}.csv"`);
    return this.reports.csv(report, lang);
  }
}
