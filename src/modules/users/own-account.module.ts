import { Module } from '@nestjs/common';
import { OwnAccountController } from './own-account.controller';
import { OwnAccountService } from './own-account.service';
import { UsersModule } from './users.module';
import { UsersRepository } from './users.repository';

/**
 * Self-service on one's own account. A module of its own because the password change counts wrong
 * guesses in Redis (RateLimiter): the CLI and seed contexts, which have no Redis, import UsersModule only.
 */
@Module({
  imports: [UsersModule],
  controllers: [OwnAccountController],
  providers: [OwnAccountService, UsersRepository],
  exports: [OwnAccountService],
})
export class OwnAccountModule {}
