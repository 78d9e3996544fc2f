import { Body, Get, HttpCode, Ip, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public, Roles } from '../../common/auth/access.decorators';
import { ROLES } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError } from '../../common/errors/domain-error';
import { BrowserSessionsService } from '../../modules/auth/browser-sessions.service';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, safeLocalPath, seeOther } from '../render/web-result';
import { BrowserRequests } from '../session/browser-requests';
import { WebRequest } from '../session/web-request';
import { FieldError } from '../ui/form';
import { WebController } from '../web-controller';
import { SignInPage } from './sign-in.page';

const SIGN_IN_PROBLEMS = {
  [AuthErrors.INVALID_CREDENTIALS.code]: 'account.signIn.invalid',
  [AuthErrors.ACCOUNT_DISABLED.code]: 'account.signIn.disabled',
  [AuthErrors.TOO_MANY_ATTEMPTS.code]: 'account.signIn.tooMany',
} as const;

@WebController()
export class SignInController {
  constructor(
    private readonly sessions: BrowserSessionsService,
    private readonly browser: BrowserRequests,
  ) {}

  @Get('sign-in')
  @Public()
  signInPage(
    @Req() request: WebRequest,
    @Query('next') next?: string,
    @Query('signed-out') signedOut?: string,
    @Query('password-reset') passwordReset?: string,
  ): PageResult | RedirectResult {
    const target = safeLocalPath(next);
    if (request.web?.session) return seeOther(target);
    const notice: MessageKey | undefined =
      signedOut === '1' ? 'account.signedOut' : passwordReset === '1' ? 'account.signIn.passwordReset' : undefined;
    return page(SignInPage, { form: { email: '', next: target }, errors: [], notice });
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  async signIn(
    @Body() body: unknown,
    @Ip() ip: string,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PageResult | RedirectResult> {
    const input = readForm(body, ['email', 'password', 'next'], 1000);
    const form = { email: input.email.toLowerCase(), next: safeLocalPath(input.next) };
    const errors: FieldError[] = [];
    if (!form.email) errors.push({ field: 'email', message: 'account.signIn.error.email' });
    if (!input.password) errors.push({ field: 'password', message: 'account.signIn.error.password' });
    if (errors.length) return page(SignInPage, { form, errors }, 400);
    try {
      const secret = await this.sessions.signIn(form.email, input.password, ip, request.headers['user-agent']);
      // A session the browser had before ends: the new one has a new secret (no fixation).
      if (request.web?.session) await this.sessions.signOut(request.web.session.id);
      this.browser.startSession(response, secret);
      return seeOther(form.next);
    } catch (error) {
      if (!(error instanceof DomainError) || !(error.code in SIGN_IN_PROBLEMS)) throw error;
      const status = error.code === AuthErrors.TOO_MANY_ATTEMPTS.code ? 429 : 401;
      return page(SignInPage, { form, errors: [], problemKey: SIGN_IN_PROBLEMS[error.code] }, status);
    }
  }

  @Post('sign-out')
  @Roles(...ROLES)
  @HttpCode(200)
  async signOut(@Req() request: WebRequest, @Res({ passthrough: true }) response: Response): Promise<RedirectResult> {
    if (request.web?.session) await this.sessions.signOut(request.web.session.id);
    this.browser.endSession(response);
    return seeOther('/sign-in?signed-out=1');
  }
}
