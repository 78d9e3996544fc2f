import { Get, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { UuidParam } from '../../common/validation/uuid-param';
import { page, PageResult } from '../render/web-result';
import { pageParam } from '../ui/pager';
import { WebController } from '../web-controller';
import { readAuditFilter } from './audit-filter';
import { AuditLogPage } from './audit-log.page';
import { ChainPage } from './chain.page';
import { OversightHomePage } from './home.page';
import { ObserverViews } from './observer-views';
import { RoundOversightPage } from './round.page';

/**
 * Public councils' pages (DESIGN.md section 10): competitions and rounds, the audit log with the
 * chain check, and a closed round's anonymised scoresheets with the conflict declarations. Admins
 * may read them too, as the JSON API lets them.
 */
@WebController()
export class ObserverController {
  constructor(private readonly views: ObserverViews) {}

  @Get('oversight')
  @Roles('observer', 'admin')
  async home(): Promise<PageResult> {
    return page(OversightHomePage, { view: await this.views.home() });
  }

  @Get('oversight/audit')
  @Roles('observer', 'admin')
  async audit(@Query() query: Record<string, unknown>): Promise<PageResult> {
    const { values, filter, errors } = readAuditFilter(query);
    if (errors.length > 0) return page(AuditLogPage, { values, errors, view: null, from: undefined }, 400);
    const view = await this.views.auditPage(filter);
    return page(AuditLogPage, { values, errors, view, from: filter.afterSeq });
  }

  @Get('oversight/audit/verify')
  @Roles('observer', 'admin')
  async verify(): Promise<PageResult> {
    return page(ChainPage, { result: await this.views.verify() });
  }

  @Get('oversight/rounds/:id')
  @Roles('observer', 'admin')
  async round(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Query('page') sheetPage?: string,
    @Query('declarations') declarationPage?: string,
  ): Promise<PageResult> {
    const view = await this.views.round(viewer, id, pageParam(sheetPage), pageParam(declarationPage));
    return page(RoundOversightPage, { view }, view.sheets ? 200 : 409);
  }
}
