import { Get, Query } from '@nestjs/common';
import { Public } from '../../common/auth/access.decorators';
import { page, PageResult } from '../render/web-result';
import { WebController } from '../web-controller';
import { HomePage } from './home.page';
import { placeQuery } from './public-reads';
import { PublicSiteService } from './public-site.service';

@WebController()
export class HomeController {
  constructor(private readonly site: PublicSiteService) {}

  /** `?region=&district=&village=`: the village finder's GET form (ids that are not UUIDs are ignored). */
  @Get()
  @Public()
  async home(@Query() query: unknown): Promise<PageResult> {
    const [competitions, finder] = await Promise.all([
      this.site.openCompetitions(),
      this.site.villageFinder(placeQuery(query)),
    ]);
    return page(HomePage, { competitions, finder, now: new Date() });
  }
}
