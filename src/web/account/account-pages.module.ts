import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { GeographyModule } from '../../modules/geography/geography.module';
import { OwnAccountModule } from '../../modules/users/own-account.module';
import { UsersModule } from '../../modules/users/users.module';
import { WebCoreModule } from '../web-core.module';
import { AccountLinksController } from './account-links.controller';
import { LanguageController } from './language.controller';
import { ProfileController } from './profile.controller';
import { RegisterController } from './register.controller';
import { SignInController } from './sign-in.controller';

/** Signing in and out, the language switch, registration, the links from mail and the person's own account. */
@Module({
  imports: [WebCoreModule, AuthModule, UsersModule, OwnAccountModule, GeographyModule],
  controllers: [SignInController, LanguageController, RegisterController, AccountLinksController, ProfileController],
})
export class AccountPagesModule {}
