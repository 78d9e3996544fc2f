import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthLimits } from './auth-limits';
import { RefreshTokensRepository } from './refresh-tokens.repository';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, AuthLimits, RefreshTokensRepository],
})
export class AuthModule {}
