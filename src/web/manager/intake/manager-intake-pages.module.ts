import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../../modules/applications/applications.module';
import { AuthModule } from '../../../modules/auth/auth.module';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { GeographyModule } from '../../../modules/geography/geography.module';
import { UsersModule } from '../../../modules/users/users.module';
import { WebCoreModule } from '../../web-core.module';
import { IntakeController } from './intake.controller';
import { IntakeViews } from './intake-views';
import { RegisterWalkInController } from './register.controller';

/**
 * Assisted intake for a walk-in applicant: finding their account (or registering one for them)
 * and starting the draft. The steps are the applicant's pages (ApplicantPagesModule), open to
 * staff by the domain's canChange.
 */
@Module({
  imports: [WebCoreModule, ApplicationsModule, AuthModule, CompetitionsModule, GeographyModule, UsersModule],
  controllers: [IntakeController, RegisterWalkInController],
  providers: [IntakeViews],
})
export class ManagerIntakePagesModule {}
