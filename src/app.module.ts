import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiRoutesModule } from './api-routes';
import { AccessGuard } from './common/auth/access.guard';
import { AccessModule } from './common/auth/access.module';
import { ErrorFilter } from './common/errors/error.filter';
import { PublicCacheInterceptor } from './common/http/public-cache';
import { PREFERRED_LANGUAGES } from './common/i18n/preferred-languages';
import { LoggingModule } from './common/logging.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { ConfigModule } from './config/config.module';
import { databaseRoot } from './database/database-root';
import { ENTITIES } from './entities';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CompetitionsModule } from './modules/competitions/competitions.module';
import { GeographyModule } from './modules/geography/geography.module';
import { HealthModule } from './modules/health/health.module';
import { AwardsModule } from './modules/awards/awards.module';
import { DisbursementsModule } from './modules/disbursements/disbursements.module';
import { FundingReportsModule } from './modules/funding-reports/funding-reports.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { PlansModule } from './modules/plans/plans.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { UsersQueryService } from './modules/users/users-query.service';
import { StaffTasksModule } from './modules/staff-tasks/staff-tasks.module';
import { OwnAccountModule } from './modules/users/own-account.module';
import { UsersModule } from './modules/users/users.module';
import { RedisModule } from './redis/redis.module';
import { WebModule } from './web/web.module';

/** The api process: controllers (the JSON API under /api, see api-routes.ts) and producers; no queue processors. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    databaseRoot(ENTITIES),
    RedisModule,
    AccessModule,
    RateLimitModule,
    AuditModule,
    UsersModule,
    OwnAccountModule,
    AuthModule,
    GeographyModule,
    PlansModule,
    CompetitionsModule,
    ApplicationsModule,
    AttachmentsModule,
    ReviewsModule,
    LedgerModule,
    AwardsModule,
    DisbursementsModule,
    FundingReportsModule,
    StaffTasksModule,
    OpenDataModule,
    HealthModule,
    WebModule,
    ApiRoutesModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    // The error filter answers in a signed-in person's language, which the users module keeps.
    { provide: PREFERRED_LANGUAGES, useExisting: UsersQueryService },
    { provide: APP_INTERCEPTOR, useClass: PublicCacheInterceptor },
  ],
})
export class AppModule {}
