import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { StaffTasksController } from './staff-tasks.controller';
import { StaffTasksReadModel } from './staff-tasks.read-model';
import { StaffTasksService } from './staff-tasks.service';

/** "My tasks" for staff and their daily digest mail; the worker loads it for the schedule, the api for the reads. */
@Module({
  imports: [NotificationsModule],
  controllers: [StaffTasksController],
  providers: [StaffTasksReadModel, StaffTasksService],
  exports: [StaffTasksService],
})
export class StaffTasksModule {}
