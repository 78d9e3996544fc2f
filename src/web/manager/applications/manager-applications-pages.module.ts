import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../../modules/applications/applications.module';
import { AttachmentsModule } from '../../../modules/attachments/attachments.module';
import { AuditModule } from '../../../modules/audit/audit.module';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { UsersModule } from '../../../modules/users/users.module';
import { WebCoreModule } from '../../web-core.module';
import { ApplicationFilesController } from './application-files.controller';
import { ManagerApplicationController } from './application.controller';
import { ApplicationsTableController } from './applications-table.controller';
import { ManagerApplicationsViews } from './manager-applications-views';
import { ScreeningResults } from './screening-results';

/**
 * The managers' applications: a competition's table (filters, sorting, paging, CSV, bulk
 * screening) and one application's page (snapshot, files, history, screening).
 */
@Module({
  imports: [WebCoreModule, ApplicationsModule, AttachmentsModule, AuditModule, CompetitionsModule, UsersModule],
  controllers: [ApplicationsTableController, ManagerApplicationController, ApplicationFilesController],
  providers: [ManagerApplicationsViews, ScreeningResults],
})
export class ManagerApplicationsPagesModule {}
