import { Body, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public, Roles } from '../../common/auth/access.decorators';
import { ROLES } from '../../common/auth/role';
import { AuthService } from '../../modules/auth/auth.service';
import { BrowserSessionsService } from '../../modules/auth/browser-sessions.service';
import { RegisterDto } from '../../modules/auth/dto/auth.dto';
import { GeographyService } from '../../modules/geography/geography.service';
import { UsersService } from '../../modules/users/users.service';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { validateForm } from '../render/validate-form';
import { BrowserRequests } from '../session/browser-requests';
import { WebRequest } from '../session/web-request';
import { WebController } from '../web-controller';
import {
  fixableError,
  isTooMany,
  optional,
  PERSON_FIELD_LIMITS,
  PERSON_FIELD_MESSAGES,
  signedIn,
} from './account-forms';
import { CheckMailPage, RegisterForm, RegisterPage } from './register.page';

const FIELDS = ['fullName', 'email', 'password', 'phone', 'preferredLanguage', 'homeVillageId'] as const;

/** Registering as an applicant: the same rules and limits as POST /auth/register, then signed in at once. */
@WebController()
export class RegisterController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: BrowserSessionsService,
    private readonly browser: BrowserRequests,
    private readonly geography: GeographyService,
    private readonly users: UsersService,
  ) {}

  @Get('register')
  @Public()
  async registerPage(@Req() request: WebRequest): Promise<PageResult | RedirectResult> {
    if (request.web?.session) return seeOther('/account');
    const form: RegisterForm = {
      fullName: '',
      email: '',
      phone: '',
      preferredLanguage: request.web?.language ?? 'kk',
      homeVillageId: '',
    };
    return page(RegisterPage, { form, villages: await this.geography.villageChoices(), errors: [] });
  }

  @Post('register')
  @Public()
  @HttpCode(200)
  async register(
    @Body() body: unknown,
    @Ip() ip: string,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PageResult | RedirectResult> {
    const input = readForm(body, FIELDS, 1000);
    const { password: _password, ...form } = input;
    const { value, errors } = validateForm(
      RegisterDto,
      { ...input, phone: optional(input.phone) },
      PERSON_FIELD_MESSAGES,
      PERSON_FIELD_LIMITS,
    );
    const again = async (status: number, extra: Partial<Parameters<typeof RegisterPage>[0]> = {}) =>
      page(RegisterPage, { form, villages: await this.geography.villageChoices(), errors, ...extra }, status);
    if (errors.length) return again(400);
    try {
      const { user } = await this.auth.register(value, ip);
      const secret = await this.sessions.start(user.id, request.headers['user-agent']);
      if (request.web?.session) await this.sessions.signOut(request.web.session.id);
      this.browser.startSession(response, secret);
      return seeOther('/register/check-mail');
    } catch (error) {
      const fixable = fixableError(error);
      if (fixable) return again(422, { errors: [fixable] });
      if (isTooMany(error)) return again(429, { problemKey: 'account.error.tooMany' });
      throw error;
    }
  }

  @Get('register/check-mail')
  @Roles(...ROLES)
  async checkMail(@Req() request: WebRequest): Promise<PageResult> {
    const user = await this.users.get(signedIn(request).userId);
    return page(CheckMailPage, { email: user.email });
  }
}
