import { Get, Param, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { StaffTasksService } from '../../modules/staff-tasks/staff-tasks.service';
import { page, PageResult, RedirectResult } from '../render/web-result';
import { WebController } from '../web-controller';
import { JurorDashboardPage } from './dashboard.page';
import { isItemStatus } from './item-status';
import { JurorViews } from './juror-views';
import { isNotice } from './juror-ui';
import { RoundPage } from './round.page';
import { orConflictsFirst } from './unconfirmed';

/** The juror's start page and one round's assignments. */
@WebController()
export class JurorReviewsController {
  constructor(
    private readonly views: JurorViews,
    private readonly tasks: StaffTasksService,
  ) {}

  @Get('reviews')
  @Roles('juror')
  async dashboard(@CurrentUser() juror: AuthUser, @Query('done') done?: string): Promise<PageResult> {
    return page(JurorDashboardPage, {
      panels: await this.views.dashboard(juror.id),
      tasks: await this.tasks.forUser(juror),
      now: new Date(),
      notice: isNotice(done) ? done : undefined,
    });
  }

  /** The address in the jurors' reminder mails. Before confirming conflicts, it leads to them. */
  @Get('reviews/rounds/:id')
  @Roles('juror')
  async round(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Query('status') status?: string,
    @Query('done') done?: string,
  ): Promise<PageResult | RedirectResult> {
    const view = await orConflictsFirst(() => this.views.round(juror.id, id));
    if (view instanceof RedirectResult) return view;
    return page(RoundPage, {
      view,
      status: isItemStatus(status) ? status : undefined,
      now: new Date(),
      notice: isNotice(done) ? done : undefined,
    });
  }
}
