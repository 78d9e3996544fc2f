import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { UsersModule } from '../../modules/users/users.module';
import { WebCoreModule } from '../web-core.module';
import { LanguageController } from './language.controller';
import { SignInController } from './sign-in.controller';

/** Signing in and out, the language switch, registration and the person's own account. */
@Module({
  imports: [WebCoreModule, AuthModule, UsersModule],
  controllers: [SignInController, LanguageController],
})
export class AccountPagesModule {}
