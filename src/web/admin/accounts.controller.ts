import { Body, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { UuidParam } from '../../common/validation/uuid-param';
import { AssistedRegistrationService } from '../../modules/auth/assisted-registration.service';
import { UsersService } from '../../modules/users/users.service';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebRequest } from '../session/web-request';
import { pageParam } from '../ui/pager';
import { WebController } from '../web-controller';
import {
  accountRefusal,
  checkAccountChange,
  checkNewAccount,
  readAccountChange,
  readNewAccount,
} from './account-forms';
import { AccountPage, AccountPageProps } from './account.page';
import { AccountsPage } from './accounts.page';
import { accountFilter, AdminViews } from './admin-views';
import { NewAccountPage } from './new-account.page';

/**
 * Admins' accounts pages: the list, a new staff account (invited by mail to choose a password),
 * and one account's roles, language and access. The same services as POST/GET/PATCH /api/users;
 * the last-admin rule is the users service's.
 */
@WebController()
export class AdminAccountsController {
  constructor(
    private readonly views: AdminViews,
    private readonly users: UsersService,
    private readonly registration: AssistedRegistrationService,
  ) {}

  @Get('admin/users')
  @Roles('admin')
  async list(
    @Query('role') role?: unknown,
    @Query('search') search?: unknown,
    @Query('page') pageNumber?: unknown,
    @Query('created') created?: unknown,
  ): Promise<PageResult> {
    const view = await this.views.accounts(accountFilter(role, search), pageParam(pageNumber));
    const shown = typeof created === 'string' && created.length <= 254 && created.includes('@') ? created : undefined;
    return page(AccountsPage, { view, created: shown });
  }

  @Get('admin/users/new')
  @Roles('admin')
  newForm(@Req() request: WebRequest): PageResult {
    const form = { fullName: '', email: '', phone: '', preferredLanguage: request.web?.language ?? 'kk', roles: [] };
    return page(NewAccountPage, { form, errors: [] });
  }

  @Post('admin/users/new')
  @Roles('admin')
  @HttpCode(200)
  async create(@CurrentUser() actor: AuthUser, @Body() body: unknown): Promise<PageResult | RedirectResult> {
    const form = readNewAccount(body);
    const { value, errors } = checkNewAccount(form);
    if (errors.length > 0) return page(NewAccountPage, { form, errors }, 400);
    try {
      const user = await this.registration.invite(actor, { ...value, phone: value.phone ?? null });
      return seeOther(`/admin/users?created=${encodeURIComponent(user.email)}`);
    } catch (error) {
      const refusal = accountRefusal(error);
      if (!refusal) throw error;
      return page(NewAccountPage, { form, errors: refusal.errors }, 422);
    }
  }

  @Get('admin/users/:id')
  @Roles('admin')
  async account(@UuidParam() id: string, @Query('saved') saved?: unknown): Promise<PageResult> {
    const account = await this.views.account(id);
    const form = {
      roles: account.roles,
      preferredLanguage: account.preferredLanguage,
      active: String(account.active),
    };
    return page(AccountPage, { account, form, errors: [], saved: saved === '1' });
  }

  @Post('admin/users/:id')
  @Roles('admin')
  @HttpCode(200)
  async change(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readAccountChange(body);
    const account = await this.views.account(id);
    const shown = (props: Partial<AccountPageProps>, status: number) =>
      page(AccountPage, { account, form, errors: [], ...props }, status);
    const { value, errors } = checkAccountChange(form);
    if (errors.length > 0) return shown({ errors }, 400);
    try {
      await this.users.update(actor.id, id, value);
      return seeOther(`/admin/users/${id}?saved=1`);
    } catch (error) {
      const refusal = accountRefusal(error);
      if (!refusal) throw error;
      return shown({ errors: refusal.errors, problem: refusal.problem }, 409);
    }
  }
}
