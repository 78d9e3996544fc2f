import { Body, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { Roles } from '../../common/auth/access.decorators';
import { ROLES } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError } from '../../common/errors/domain-error';
import { LiveSession } from '../../modules/auth/browser-sessions.repository';
import { AccountLinksService } from '../../modules/auth/account-links.service';
import { BrowserSessionsService } from '../../modules/auth/browser-sessions.service';
import { GeographyService } from '../../modules/geography/geography.service';
import { ChangeOwnPasswordDto, UpdateOwnProfileDto } from '../../modules/users/dto/own-account.dto';
import { OwnAccountService } from '../../modules/users/own-account.service';
import { UsersService } from '../../modules/users/users.service';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { validateForm } from '../render/validate-form';
import { WebRequest } from '../session/web-request';
import { WebController } from '../web-controller';
import { WebErrors } from '../web.errors';
import {
  fixableError,
  isTooMany,
  NEW_PASSWORD_MESSAGES,
  optional,
  PERSON_FIELD_LIMITS,
  PERSON_FIELD_MESSAGES,
  signedIn,
} from './account-forms';
import { ProfileForm, ProfilePage, ProfileProps } from './profile.page';

const PROFILE_FIELDS = ['fullName', 'phone', 'preferredLanguage', 'homeVillageId'] as const;
const PASSWORD_MESSAGES = {
  currentPassword: { default: 'account.error.currentPassword.required' },
  newPassword: NEW_PASSWORD_MESSAGES,
} as const;

/** What the redirect after each action tells the profile page to say. */
const NOTICES = {
  saved: 'accountProfile.saved',
  'password-changed': 'accountProfile.passwordChanged',
  ended: 'accountProfile.ended',
  resent: 'accountProfile.resent',
} as const;

/** The person's own account: the same use cases as PATCH /me and POST /me/password, and their browser sessions. */
@WebController('account')
@Roles(...ROLES)
export class ProfileController {
  constructor(
    private readonly ownAccount: OwnAccountService,
    private readonly users: UsersService,
    private readonly sessions: BrowserSessionsService,
    private readonly links: AccountLinksService,
    private readonly geography: GeographyService,
  ) {}

  @Get()
  async profile(
    @Req() request: WebRequest,
    @Query('done') done?: string,
    @Query('ended-others') endedOthers?: string,
  ): Promise<PageResult> {
    const count = Number(endedOthers);
    const notice =
      done && done in NOTICES
        ? { key: NOTICES[done as keyof typeof NOTICES] }
        : Number.isInteger(count) && count > 0
          ? { key: 'accountProfile.endedOthers' as const, params: { count } }
          : undefined;
    return page(ProfilePage, await this.view(signedIn(request), { notice }));
  }

  @Post()
  @HttpCode(200)
  async save(@Body() body: unknown, @Req() request: WebRequest): Promise<PageResult | RedirectResult> {
    const session = signedIn(request);
    const form = readForm(body, PROFILE_FIELDS, 1000);
    const { value, errors } = validateForm(
      UpdateOwnProfileDto,
      // An empty phone removes it; the village select offers no "none" once a village is chosen.
      { ...form, phone: form.phone === '' ? null : form.phone, homeVillageId: optional(form.homeVillageId) },
      PERSON_FIELD_MESSAGES,
      PERSON_FIELD_LIMITS,
    );
    if (errors.length) return page(ProfilePage, await this.view(session, { form, errors }), 400);
    try {
      await this.ownAccount.updateOwnProfile(session.userId, value);
    } catch (error) {
      const fixable = fixableError(error);
      if (!fixable) throw error;
      return page(ProfilePage, await this.view(session, { form, errors: [fixable] }), 422);
    }
    return seeOther('/account?done=saved');
  }

  @Post('password')
  @HttpCode(200)
  async changePassword(@Body() body: unknown, @Req() request: WebRequest): Promise<PageResult | RedirectResult> {
    const session = signedIn(request);
    const input = readForm(body, ['currentPassword', 'newPassword'], 1000);
    const { errors } = validateForm(ChangeOwnPasswordDto, input, PASSWORD_MESSAGES, PERSON_FIELD_LIMITS);
    if (errors.length) return page(ProfilePage, await this.view(session, { errors }), 400);
    try {
      await this.ownAccount.changeOwnPassword(session.userId, input.currentPassword, input.newPassword, session.id);
    } catch (error) {
      const fixable = fixableError(error);
      if (fixable) return page(ProfilePage, await this.view(session, { errors: [fixable] }), 422);
      if (isTooMany(error))
        return page(ProfilePage, await this.view(session, { problemKey: 'account.error.tooMany' }), 429);
      throw error;
    }
    return seeOther('/account?done=password-changed');
  }

  /** Ends one session of the person's own; another person's session id answers as if it did not exist. */
  @Post('sessions/end')
  @HttpCode(200)
  async endSession(@Body() body: unknown, @Req() request: WebRequest): Promise<RedirectResult> {
    const { session: id } = readForm(body, ['session'], 100);
    if (!isUUID(id)) throw new DomainError(WebErrors.FORM_INVALID, { field: 'session' });
    if (!(await this.sessions.endOne(signedIn(request).userId, id)))
      throw new DomainError(AuthErrors.SESSION_NOT_FOUND);
    return seeOther('/account?done=ended');
  }

  @Post('sessions/end-others')
  @HttpCode(200)
  async endOthers(@Body() body: unknown, @Req() request: WebRequest): Promise<RedirectResult> {
    readForm(body, []);
    const session = signedIn(request);
    const count = await this.sessions.signOutElsewhere(session.userId, session.id);
    return seeOther(count > 0 ? `/account?ended-others=${count}` : '/account');
  }

  @Post('confirm-email/resend')
  @HttpCode(200)
  async resendConfirmation(@Body() body: unknown, @Req() request: WebRequest): Promise<PageResult | RedirectResult> {
    readForm(body, []);
    const session = signedIn(request);
    try {
      await this.links.resendConfirmation(session.userId);
    } catch (error) {
      if (!isTooMany(error)) throw error;
      return page(ProfilePage, await this.view(session, { problemKey: 'account.error.tooMany' }), 429);
    }
    return seeOther('/account?done=resent');
  }

  private async view(
    session: LiveSession,
    extra: Partial<ProfileProps> & { form?: ProfileForm },
  ): Promise<ProfileProps> {
    const [user, sessions, villages] = await Promise.all([
      this.users.get(session.userId),
      this.sessions.list(session.userId),
      this.geography.villageChoices(),
    ]);
    return {
      email: user.email,
      emailConfirmed: user.emailConfirmedAt !== null,
      form: {
        fullName: user.fullName,
        phone: user.phone ?? '',
        preferredLanguage: user.preferredLanguage,
        homeVillageId: user.homeVillageId ?? '',
      },
      villages,
      sessions,
      currentSessionId: session.id,
      errors: [],
      ...extra,
    };
  }
}
