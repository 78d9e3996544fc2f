import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../common/auth/access.decorators';
import { Authenticated } from '../../common/auth/authenticated';
import { AuthUser } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AccountLinksService } from './account-links.service';
import {
  ConfirmEmailResultDto,
  LinkTokenDto,
  PasswordChangedDto,
  PasswordResetDto,
  PasswordResetRequestDto,
} from './dto/auth.dto';

const LINK_ERRORS = [AuthErrors.INVALID_LINK, AuthErrors.LINK_EXPIRED, AuthErrors.LINK_USED];

@ApiTags('auth')
@Controller('auth')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Post('confirm-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the email address with the token from the mail' })
  @ApiOkResponse({ type: ConfirmEmailResultDto })
  @ApiErrors(...LINK_ERRORS)
  async confirmEmail(@Body() body: LinkTokenDto): Promise<ConfirmEmailResultDto> {
    return { status: await this.links.confirmEmail(body.token) };
  }

  @Post('confirm-email/resend')
  @Authenticated()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a new confirmation link to the signed-in person' })
  @ApiAcceptedResponse()
  @ApiErrors(AuthErrors.EMAIL_ALREADY_CONFIRMED, AuthErrors.TOO_MANY_ATTEMPTS)
  async resend(@CurrentUser() user: AuthUser): Promise<void> {
    await this.links.resendConfirmation(user.id);
  }

  @Post('password-reset/request')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a single-use password reset link (the answer is the same for unknown addresses)' })
  @ApiAcceptedResponse()
  @ApiErrors(AuthErrors.TOO_MANY_ATTEMPTS)
  async requestReset(@Body() body: PasswordResetRequestDto, @Ip() ip: string): Promise<void> {
    await this.links.requestPasswordReset(body.email, ip);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the token from the mail; ends every session' })
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiErrors(...LINK_ERRORS)
  async reset(@Body() body: PasswordResetDto): Promise<PasswordChangedDto> {
    await this.links.resetPassword(body.token, body.password);
    return { status: 'password_changed' };
  }
}
