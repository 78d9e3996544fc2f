import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Public } from '../../common/auth/access.decorators';
import { Language } from '../../common/i18n/language';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { CachedRead, publicCacheControl } from '../../common/http/public-cache';
import { UuidParam } from '../../common/validation/uuid-param';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CompetitionErrors } from '../competitions/competitions.errors';
import { THREE_SIXTY_GIVING_VERSION } from './domain/three-sixty-giving';
import {
  FiguresQueryDto,
  GrantExportQueryDto,
  GrantFilterDto,
  GrantSummaryDto,
  GrantSummaryQueryDto,
  PublicFiguresDto,
  PublicGrantPageDto,
} from './dto/open-data.dto';
import { OpenDataErrors } from './open-data.errors';
import { OpenDataService } from './open-data.service';

const GRANTS =
  'Grants are awards the grantee accepted (accepted, active, completed), and cancelled ones on which money was paid. Amounts are integer strings in minor units (tiyn).';

@ApiTags('open data')
@Controller()
export class OpenDataController {
  private readonly logger = new Logger(OpenDataController.name);

  constructor(
    private readonly openData: OpenDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('public/grants')
  @Public()
  @CachedRead()
  @ApiOperation({
    summary:
      'Awarded grants, filtered by competition, region, district, village, plan goal or sector; grantees as pseudonyms',
    description: GRANTS,
  })
  @ApiOkResponse({ type: PublicGrantPageDto })
  @ApiErrors()
  async grants(@Query() query: GrantFilterDto): Promise<PublicGrantPageDto> {
    return this.openData.grants(query);
  }

  @Get('public/grants.csv')
  @Public()
  @ApiOperation({
    summary:
      'The grants the filters pick, as CSV: the same fields as the list, amounts in tenge, grantees as pseudonyms',
    description: `${GRANTS} In the CSV amounts are tenge with two decimals, names in the language Accept-Language asks for (else Kazakh, Russian, English); UTF-8 with a byte order mark.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row' })
  @ApiErrors(OpenDataErrors.EXPORT_BUSY)
  async grantsCsv(
    @Query() query: GrantExportQueryDto,
    @ReaderLanguage() lang: Language,
    @Res() res: Response,
  ): Promise<void> {
    await this.openData.grantsCsv(query, lang, async (chunks) => {
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="grants.csv"');
      res.setHeader('Cache-Control', publicCacheControl(this.config.publicCacheSeconds));
      await this.stream(chunks, res, 'grants CSV');
    });
  }

  @Get('public/grants/summary')
  @Public()
  @CachedRead()
  @ApiOperation({
    summary: 'Grants, amount awarded and amount disbursed per region, district, village or plan goal',
    description: GRANTS,
  })
  @ApiOkResponse({ type: GrantSummaryDto })
  @ApiErrors()
  async summary(@Query() query: GrantSummaryQueryDto): Promise<GrantSummaryDto> {
    return this.openData.summary(query);
  }

  @Get('public/figures')
  @Public()
  @CachedRead()
  @ApiOperation({
    summary:
      'Headline figures: competitions, applications submitted, grants, money awarded and disbursed, places reached',
    description: GRANTS,
  })
  @ApiOkResponse({ type: PublicFiguresDto })
  @ApiErrors(CompetitionErrors.NOT_FOUND)
  async figures(@Query() query: FiguresQueryDto): Promise<PublicFiguresDto> {
    return this.openData.figures(query);
  }

  @Get('public/competitions/:id/360giving')
  @Public()
  @ApiOperation({
    summary: `The competition's grants in the 360Giving Data Standard ${THREE_SIXTY_GIVING_VERSION} (JSON package)`,
    description:
      'Amounts in major units (tenge) as the standard requires; recipients are individuals, published as pseudonyms with the village as location.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: '{ grants: [...] }' })
  @ApiErrors(CompetitionErrors.NOT_FOUND, OpenDataErrors.EXPORT_BUSY)
  async threeSixtyGiving(@UuidParam() id: string, @Res() res: Response): Promise<void> {
    await this.openData.threeSixtyGiving(id, async (chunks) => {
      res.status(200);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Disposition', `inline; filename="360giving-${id}.json"`);
      res.setHeader('Cache-Control', publicCacheControl(this.config.publicCacheSeconds));
      await this.stream(chunks, res, `360Giving export of ${id}`);
    });
  }

  private async stream(chunks: AsyncIterable<string>, res: Response, what: string): Promise<void> {
    try {
      await pipeline(Readable.from(chunks), res);
    } catch (error) {
      // Before the first byte (the database away, say) the error filter can still answer properly.
      if (!res.headersSent) throw error;
      // After it, a client that left or a query that failed mid-way can only cut the stream.
      this.logger.warn(`${what} stopped: ${(error as Error).message}`);
      res.destroy();
    }
  }
}
