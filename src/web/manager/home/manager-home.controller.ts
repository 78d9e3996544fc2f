import { Get, Param } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { page, PageResult } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { CompetitionOverviewPage } from './competition-overview.page';
import { ManagerHomePage } from './manager-home.page';
import { ManagerHomeViews } from './manager-home-views';

/** The managers' home and a competition's overview (admins read them too, as the JSON API lets them). */
@WebController()
export class ManagerHomeController {
  constructor(private readonly views: ManagerHomeViews) {}

  @Get('manage')
  @Roles('manager', 'admin')
  async home(@CurrentUser() user: AuthUser): Promise<PageResult> {
    return page(ManagerHomePage, await this.views.home(user));
  }

  @Get('manage/competitions/:id')
  @Roles('manager', 'admin')
  async competition(@Param('id') id: string): Promise<PageResult> {
    return page(CompetitionOverviewPage, await this.views.overview(id));
  }
}
