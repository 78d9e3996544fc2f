import { Body, Controller, Get, HttpCode, Ip, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public } from '../../common/auth/access.decorators';
import { Authenticated } from '../../common/auth/authenticated';
import { AuthUser } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AccountLinksService } from './account-links.service';
import {
  ConfirmEmailResultDto,
  LinkTokenDto,
  LinkTokenQueryDto,
  PasswordChangedDto,
  PasswordResetDto,
  PasswordResetRequestDto,
} from './dto/auth.dto';
import { confirmEmailPage, emailConfirmedPage, linkProblemPage, passwordResetPage } from './pages';

const LINK_ERRORS = [AuthErrors.INVALID_LINK, AuthErrors.LINK_EXPIRED, AuthErrors.LINK_USED];

@ApiTags('auth')
@Controller('auth')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Get('confirm-email')
  @Public()
  @ApiOperation({ summary: 'The link in the registration mail: a page with a button that confirms the address' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  confirmEmailForm(@Query() query: LinkTokenQueryDto, @Res() res: Response): void {
    res.type('html').send(confirmEmailPage(query.token));
  }

  @Post('confirm-email/page')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "The confirmation page's button (form post): confirms and shows the outcome as a page" })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  async confirmEmailFromPage(@Body() body: LinkTokenDto, @Res() res: Response): Promise<void> {
    try {
      res.type('html').send(emailConfirmedPage(await this.links.confirmEmail(body.token)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.status(HTTP_STATUS_BY_KIND[error.kind]).type('html').send(linkProblemPage(error.code));
    }
  }

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

  @Get('password-reset')
  @Public()
  @ApiOperation({ summary: 'The link in the reset mail: a page with a form for the new password' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page' })
  resetPage(@Query() query: LinkTokenQueryDto, @Res() res: Response): void {
    res.type('html').send(passwordResetPage(query.token));
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
