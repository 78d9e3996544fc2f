import { StaffTasksModule } from './modules/staff-tasks/staff-tasks.module';
import { Module } from '@nestjs/common';
import { LoggingModule } from './common/logging.module';
import { ConfigModule } from './config/config.module';
import { databaseRoot } from './database/database-root';
import { ENTITIES } from './entities';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AuditModule } from './modules/audit/audit.module';
import { CompetitionsModule } from './modules/competitions/competitions.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { ReviewsWorkerModule } from './modules/reviews/reviews-worker.module';
import { AwardsModule } from './modules/awards/awards.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { SchedulesModule } from './queue/schedules.module';

/** The worker process: the notification relay and sender, review jobs (assignment, finalizing) and the schedules; no HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    databaseRoot(ENTITIES),
    AuditModule,
    CompetitionsModule,
    ApplicationsModule,
    ReviewsModule,
    ReviewsWorkerModule,
    AwardsModule,
    NotificationsWorkerModule,
    StaffTasksModule,
    SchedulesModule,
  ],
})
export class WorkerModule {}
