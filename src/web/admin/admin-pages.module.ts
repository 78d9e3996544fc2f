import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { UsersModule } from '../../modules/users/users.module';
import { WebCoreModule } from '../web-core.module';
import { AdminAccountsController } from './accounts.controller';
import { AdminViews } from './admin-views';

/** Admins' pages: the accounts, opening a staff account, changing roles, language and access. */
@Module({
  imports: [WebCoreModule, UsersModule, AuthModule],
  controllers: [AdminAccountsController],
  providers: [AdminViews],
})
export class AdminPagesModule {}
