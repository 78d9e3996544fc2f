import { StaffTasksModule } from '../../../modules/staff-tasks/staff-tasks.module';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../../modules/applications/applications.module';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { WebCoreModule } from '../../web-core.module';
import { ManagerHomeController } from './manager-home.controller';
import { ManagerHomeViews } from './manager-home-views';

/** The managers' home (`/manage`) and each competition's overview with links to its sections. */
@Module({
  imports: [WebCoreModule, ApplicationsModule, CompetitionsModule, StaffTasksModule],
  controllers: [ManagerHomeController],
  providers: [ManagerHomeViews],
  exports: [ManagerHomeViews],
})
export class ManagerHomePagesModule {}
