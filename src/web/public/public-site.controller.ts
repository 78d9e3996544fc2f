import { Get, Param, Query } from '@nestjs/common';
import { Public } from '../../common/auth/access.decorators';
import { CompetitionErrors } from '../../modules/competitions/competitions.errors';
import { GeographyErrors } from '../../modules/geography/geography.errors';
import { page, PageResult } from '../render/web-result';
import { WebController } from '../web-controller';
import { CompetitionPage } from './competition.page';
import { OpenDataReads } from './open-data-reads';
import { OpenDataPage } from './open-data.page';
import { pathId, placeQuery } from './public-reads';
import { PublicSiteService } from './public-site.service';
import { VillagePage } from './village.page';

/** The public pages beyond the home page: a competition, a village, the open data. */
@WebController()
export class PublicSiteController {
  constructor(
    private readonly site: PublicSiteService,
    private readonly openData: OpenDataReads,
  ) {}

  /** A competition past drafting; a draft, an unknown id or one that is not a UUID is "not found". */
  @Get('competitions/:id')
  @Public()
  async competition(@Param('id') id: string): Promise<PageResult> {
    const competition = await this.site.competition(pathId(id, CompetitionErrors.NOT_FOUND));
    return page(CompetitionPage, { competition, now: new Date() });
  }

  @Get('villages/:id')
  @Public()
  async village(@Param('id') id: string): Promise<PageResult> {
    const village = await this.site.village(pathId(id, GeographyErrors.VILLAGE_NOT_FOUND));
    return page(VillagePage, { village, now: new Date() });
  }

  /** `?competition=&region=&district=&village=&goal=&page=`: the filters' GET form and the pager. */
  @Get('open-data')
  @Public()
  async openDataPage(@Query() query: unknown): Promise<PageResult> {
    return page(OpenDataPage, { data: await this.openData.page(placeQuery(query)) });
  }
}
