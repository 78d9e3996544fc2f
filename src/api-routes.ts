import { RouterModule, Routes } from '@nestjs/core';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { AwardsModule } from './modules/awards/awards.module';
import { CompetitionsModule } from './modules/competitions/competitions.module';
import { DisbursementsModule } from './modules/disbursements/disbursements.module';
import { FundingReportsModule } from './modules/funding-reports/funding-reports.module';
import { GeographyModule } from './modules/geography/geography.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { PlansModule } from './modules/plans/plans.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { StaffTasksModule } from './modules/staff-tasks/staff-tasks.module';
import { OwnAccountModule } from './modules/users/own-account.module';
import { UsersModule } from './modules/users/users.module';

/** Where the JSON API lives: the root paths belong to the web pages people open. */
export const API_PREFIX = 'api';

/**
 * Every module with JSON controllers. A module's controllers get the prefix only when the module is
 * named here (RouterModule does not pass it on to modules a listed one imports), so a new API module
 * goes in this list; a web module stays out of it and serves at the root.
 */
const API_MODULES = [
  HealthModule,
  AuthModule,
  UsersModule,
  OwnAccountModule,
  GeographyModule,
  PlansModule,
  CompetitionsModule,
  ApplicationsModule,
  AttachmentsModule,
  ReviewsModule,
  AwardsModule,
  DisbursementsModule,
  FundingReportsModule,
  StaffTasksModule,
  OpenDataModule,
  AuditModule,
  NotificationsModule,
];

const API_ROUTES: Routes = API_MODULES.map((module) => ({ path: API_PREFIX, module }));

/** Imported by AppModule: serves the JSON API under /api. */
export const ApiRoutesModule = RouterModule.register(API_ROUTES);
