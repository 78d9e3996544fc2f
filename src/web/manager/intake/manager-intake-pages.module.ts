import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../../modules/applications/applications.module';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { GeographyModule } from '../../../modules/geography/geography.module';
import { UsersModule } from '../../../modules/users/users.module';
import { WebCoreModule } from '../../web-core.module';
import { IntakeController } from './intake.controller';
import { IntakeViews } from './intake-views';

/**
 * Assisted intake for a walk-in applicant: finding their account and starting the draft. The
 * steps are the applicant's pages (ApplicantPagesModule), open to staff by the domain's canChange.
 */
@Module({
  imports: [WebCoreModule, ApplicationsModule, CompetitionsModule, GeographyModule, UsersModule],
  controllers: [IntakeController],
  providers: [IntakeViews],
})
export class ManagerIntakePagesModule {}
