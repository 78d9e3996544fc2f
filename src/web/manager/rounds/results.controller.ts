import { Get, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { page, PageResult } from '../../render/web-result';
import { pageParam } from '../../ui/pager';
import { WebController } from '../../web-controller';
import { ResultsPage } from './results.page';
import { ResultsViews } from './results-views';
import { RoundsViews } from './rounds-views';

/** A finalized round's results for managers (before finalizing: the service's "not ready", as a page). */
@WebController()
export class ResultsPagesController {
  constructor(
    private readonly views: RoundsViews,
    private readonly resultsViews: ResultsViews,
  ) {}

  /** `?page=` pages the ranking and `?jurors=` the jurors' distributions, each keeping the other. */
  @Get('manage/rounds/:id/results')
  @Roles('manager')
  async results(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query('page') rankingPage?: string,
    @Query('jurors') jurorPage?: string,
  ): Promise<PageResult> {
    const { round } = await this.views.round(id);
    const results = await this.resultsViews.resultsOf(actor, round, {
      ranking: pageParam(rankingPage),
      jurors: pageParam(jurorPage),
    });
    return page(ResultsPage, {
      round: { id: round.id, name: round.name },
      criteria: round.method.criteria.map((c) => ({ code: c.code, title: c.title })),
      results,
    });
  }
}
