import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { AuthErrors } from '../../common/errors/common.errors';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UserDto } from '../users/dto/user.dto';
import { UserErrors } from '../users/users.errors';
import { AuthService, Session } from './auth.service';
import { LoginDto, RefreshDto, RegisterDto, SessionDto } from './dto/auth.dto';

const toDto = (session: Session): SessionDto => ({
  accessToken: session.accessToken,
  expiresIn: session.expiresIn,
  refreshToken: session.refreshToken,
  tokenType: 'Bearer',
  user: UserDto.from(session.user),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register as an applicant; signs you in' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(UserErrors.EMAIL_TAKEN, UserErrors.VILLAGE_NOT_FOUND, AuthErrors.TOO_MANY_ATTEMPTS)
  async register(@Body() body: RegisterDto, @Ip() ip: string): Promise<SessionDto> {
    return toDto(await this.auth.register(body, ip));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; repeated failures are throttled' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(AuthErrors.INVALID_CREDENTIALS, AuthErrors.ACCOUNT_DISABLED, AuthErrors.TOO_MANY_ATTEMPTS)
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<SessionDto> {
    return toDto(await this.auth.login(body.email, body.password, ip));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old one is spent)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(AuthErrors.INVALID_REFRESH_TOKEN, AuthErrors.REFRESH_TOKEN_REUSED, AuthErrors.ACCOUNT_DISABLED)
  async refresh(@Body() body: RefreshDto): Promise<SessionDto> {
    return toDto(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the refresh token and every token rotated from the same login' })
  @ApiNoContentResponse()
  @ApiErrors()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
