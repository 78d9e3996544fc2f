import { Module } from '@nestjs/common';
import { AccountPagesModule } from './account/account-pages.module';
import { AdminPagesModule } from './admin/admin-pages.module';
import { AdminPlacesPagesModule } from './admin/places/places-pages.module';
import { AdminPlansPagesModule } from './admin/plans/admin-plans-pages.module';
import { FinancePagesModule } from './finance/finance-pages.module';
import { GranteePagesModule } from './grantee/grantee-pages.module';
import { ApplicantPagesModule } from './applicant/applicant-pages.module';
import { OfflineScoringPagesModule } from './offline-scoring/offline-scoring-pages.module';
import { ManagerReturnsPagesModule } from './manager/returns/manager-returns-pages.module';
import { ObserverPagesModule } from './observer/observer-pages.module';
import { JurorPagesModule } from './juror/juror-pages.module';
import { ManagerAwardsPagesModule } from './manager/awards/manager-awards-pages.module';
import { ManagerRoundsPagesModule } from './manager/rounds/manager-rounds-pages.module';
import { ManagerApplicationsPagesModule } from './manager/applications/manager-applications-pages.module';
import { ManagerHomePagesModule } from './manager/home/manager-home-pages.module';
import { ManagerCompetitionsPagesModule } from './manager/competitions/manager-competitions-pages.module';
import { ManagerIntakePagesModule } from './manager/intake/manager-intake-pages.module';
import { PublicPagesModule } from './public/public-pages.module';
import { WebCoreModule } from './web-core.module';

/**
 * The web interface: pages rendered on the server from the same services the JSON API calls,
 * sessions by cookie with CSRF tokens, in Kazakh, Russian and English. One module per area.
 */
@Module({
  imports: [
    WebCoreModule,
    PublicPagesModule,
    AccountPagesModule,
    GranteePagesModule,
    ApplicantPagesModule,
    OfflineScoringPagesModule,
    ManagerReturnsPagesModule,
    JurorPagesModule,
    ManagerAwardsPagesModule,
    ManagerRoundsPagesModule,
    // Before the home's /manage/competitions/:id, so that /manage/competitions/new is this module's.
    ManagerCompetitionsPagesModule,
    ManagerHomePagesModule,
    ManagerApplicationsPagesModule,
    ManagerIntakePagesModule,
    FinancePagesModule,
    ObserverPagesModule,
    AdminPagesModule,
    AdminPlacesPagesModule,
    AdminPlansPagesModule,
  ],
  exports: [WebCoreModule],
})
export class WebModule {}
