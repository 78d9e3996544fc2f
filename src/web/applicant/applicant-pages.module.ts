import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../modules/applications/applications.module';
import { AttachmentsModule } from '../../modules/attachments/attachments.module';
import { AwardsModule } from '../../modules/awards/awards.module';
import { CompetitionsModule } from '../../modules/competitions/competitions.module';
import { GeographyModule } from '../../modules/geography/geography.module';
import { PlansModule } from '../../modules/plans/plans.module';
import { StoredFilesModule } from '../../modules/stored-files/stored-files.module';
import { UsersModule } from '../../modules/users/users.module';
import { GranteePagesModule } from '../grantee/grantee-pages.module';
import { WebCoreModule } from '../web-core.module';
import { ApplicantViews } from './applicant-views';
import { ApplicationController } from './application.controller';
import { AttachmentsStepController } from './attachments.controller';
import { DashboardController } from './dashboard.controller';
import { StepsController } from './steps.controller';
import { UploadRefusedInterceptor } from '../render/upload-refused.interceptor';

/**
 * An applicant's own pages: the dashboard, starting a draft, its steps, checking and submitting,
 * the receipt and withdrawal. StoredFilesModule gives the upload its multer limits from config.
 */
@Module({
  imports: [
    WebCoreModule,
    ApplicationsModule,
    AttachmentsModule,
    AwardsModule,
    CompetitionsModule,
    PlansModule,
    StoredFilesModule,
    GeographyModule,
    UsersModule,
    GranteePagesModule,
  ],
  controllers: [DashboardController, ApplicationController, StepsController, AttachmentsStepController],
  providers: [ApplicantViews, UploadRefusedInterceptor],
})
export class ApplicantPagesModule {}
