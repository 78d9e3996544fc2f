import { Body, Get, HttpCode, Ip, Post, Query } from '@nestjs/common';
import { Public } from '../../common/auth/access.decorators';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../common/errors/domain-error';
import { AccountLinksService } from '../../modules/auth/account-links.service';
import { PasswordResetDto, PasswordResetRequestDto } from '../../modules/auth/dto/auth.dto';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { validateForm } from '../render/validate-form';
import { WebController } from '../web-controller';
import {
  isTooMany,
  linkProblem,
  NEW_PASSWORD_MESSAGES,
  PERSON_FIELD_LIMITS,
  PERSON_FIELD_MESSAGES,
} from './account-forms';
import {
  ConfirmEmailPage,
  EmailConfirmedPage,
  ForgotPasswordPage,
  LinkProblemPage,
  ResetPasswordPage,
} from './account-links.page';

const TOKEN_MAX = 200;
const linkProblemPage = (problemKey: MessageKey, purpose: 'confirm' | 'reset', status: number): PageResult =>
  page(LinkProblemPage, { problemKey, purpose }, status);
const statusOf = (error: unknown): number => (error instanceof DomainError ? HTTP_STATUS_BY_KIND[error.kind] : 500);

/** The pages the links in our mails open (confirm the address, set a new password) and asking for a reset link. */
@WebController()
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Get('confirm-email')
  @Public()
  confirmPage(@Query('token') token?: unknown): PageResult {
    if (typeof token !== 'string' || !token || token.length > TOKEN_MAX)
      return linkProblemPage('account.link.invalid', 'confirm', 400);
    return page(ConfirmEmailPage, { token });
  }

  @Post('confirm-email')
  @Public()
  @HttpCode(200)
  async confirm(@Body() body: unknown): Promise<PageResult> {
    const { token } = readForm(body, ['token'], TOKEN_MAX);
    try {
      return page(EmailConfirmedPage, { outcome: await this.links.confirmEmail(token) });
    } catch (error) {
      const problemKey = linkProblem(error);
      if (!problemKey) throw error;
      return linkProblemPage(problemKey, 'confirm', statusOf(error));
    }
  }

  @Get('forgot-password')
  @Public()
  forgotPage(@Query('sent') sent?: string): PageResult {
    return page(ForgotPasswordPage, { email: '', errors: [], sent: sent === '1' });
  }

  /** The same answer whether or not the address has an account. */
  @Post('forgot-password')
  @Public()
  @HttpCode(200)
  async forgot(@Body() body: unknown, @Ip() ip: string): Promise<PageResult | RedirectResult> {
    const input = readForm(body, ['email'], 1000);
    const { value, errors } = validateForm(
      PasswordResetRequestDto,
      input,
      { email: PERSON_FIELD_MESSAGES.email },
      PERSON_FIELD_LIMITS,
    );
    if (errors.length) return page(ForgotPasswordPage, { email: input.email, errors, sent: false }, 400);
    try {
      await this.links.requestPasswordReset(value.email, ip);
    } catch (error) {
      if (!isTooMany(error)) throw error;
      const problemKey = 'account.error.tooMany' as const;
      return page(ForgotPasswordPage, { email: input.email, errors: [], sent: false, problemKey }, 429);
    }
    return seeOther('/forgot-password?sent=1');
  }

  @Get('reset-password')
  @Public()
  resetPage(@Query('token') token?: unknown): PageResult {
    if (typeof token !== 'string' || !token || token.length > TOKEN_MAX)
      return linkProblemPage('account.link.invalid', 'reset', 400);
    return page(ResetPasswordPage, { token, errors: [] });
  }

  /** A new password from the link; every session of the account ends, so the person signs in again. */
  @Post('reset-password')
  @Public()
  @HttpCode(200)
  async reset(@Body() body: unknown): Promise<PageResult | RedirectResult> {
    const input = readForm(body, ['token', 'password', 'passwordAgain'], 1000);
    const { errors } = validateForm(
      PasswordResetDto,
      { token: input.token, password: input.password },
      { token: { default: 'account.link.invalid' }, password: NEW_PASSWORD_MESSAGES },
      PERSON_FIELD_LIMITS,
    );
    if (errors.some((e) => e.field === 'token')) return linkProblemPage('account.link.invalid', 'reset', 400);
    if (!errors.length && input.password !== input.passwordAgain)
      errors.push({ field: 'passwordAgain', message: 'account.error.password.mismatch' });
    if (errors.length) return page(ResetPasswordPage, { token: input.token, errors }, 400);
    try {
      await this.links.resetPassword(input.token, input.password);
    } catch (error) {
      const problemKey = linkProblem(error);
      if (!problemKey) throw error;
      return linkProblemPage(problemKey, 'reset', statusOf(error));
    }
    return seeOther('/sign-in?password-reset=1');
  }
}
