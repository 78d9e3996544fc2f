import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksService } from './account-links.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { AssistedRegistrationService } from './assisted-registration.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthLimits } from './auth-limits';
import { BrowserSessionsRepository } from './browser-sessions.repository';
import { BrowserSessionsService } from './browser-sessions.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { StaffInvitationsController } from './staff-invitations.controller';
import { WalkInApplicantsController } from './walk-in-applicants.controller';

@Module({
  imports: [UsersModule, NotificationsModule],
  controllers: [AuthController, AccountLinksController, WalkInApplicantsController, StaffInvitationsController],
  providers: [
    AuthService,
    AuthLimits,
    RefreshTokensRepository,
    AccountTokensRepository,
    AccountLinksService,
    BrowserSessionsRepository,
    BrowserSessionsService,
    AssistedRegistrationService,
  ],
  exports: [AuthService, AccountLinksService, BrowserSessionsService, AssistedRegistrationService],
})
export class AuthModule {}
