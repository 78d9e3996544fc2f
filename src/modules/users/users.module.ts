import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { UsersQueryService } from './users-query.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, UsersQueryService, PasswordHasher],
  exports: [UsersService, UsersQueryService, PasswordHasher],
})
export class UsersModule {}
