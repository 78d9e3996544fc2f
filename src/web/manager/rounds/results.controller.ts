import { Get } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { page, PageResult } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { ResultsPage } from './results.page';
import { RoundsViews } from './rounds-views';

/** A finalized round's results for managers (before finalizing: the service's "not ready", as a page). */
@WebController()
export class ResultsPagesController {
  constructor(private readonly views: RoundsViews) {}

  @Get('manage/rounds/:id/results')
  @Roles('manager')
  async results(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<PageResult> {
    const { round } = await this.views.round(id);
    const results = await this.views.resultsOf(actor, round);
    return page(ResultsPage, {
      round: { id: round.id, name: round.name },
      criteria: round.method.criteria.map((c) => ({ code: c.code, title: c.title })),
      results,
    });
  }
}
