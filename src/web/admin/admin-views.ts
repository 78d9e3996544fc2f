import { Injectable } from '@nestjs/common';
import { ROLES, Role } from '../../common/auth/role';
import { Language } from '../../modules/users/domain/language';
import { User } from '../../modules/users/entities/user.entity';
import { UsersService } from '../../modules/users/users.service';

/** Fifty accounts a page, as the other staff lists. */
export const PAGE_SIZE = 50;
const SEARCH_MAX = 100;

export interface AccountRow {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  roles: Role[];
  preferredLanguage: Language;
  active: boolean;
}
export interface AccountFilter {
  role?: Role;
  search?: string;
}
export interface AccountsView {
  items: AccountRow[];
  total: number;
  page: number;
  pages: number;
  filter: AccountFilter;
}

const row = (user: User): AccountRow => ({
  id: user.id,
  fullName: user.fullName,
  email: user.email,
  phone: user.phone,
  roles: user.roles,
  preferredLanguage: user.preferredLanguage,
  active: user.active,
});

/** A filter from a hand-editable query: an unknown role or an over-long text is no filter, not an error. */
export function accountFilter(role: unknown, search: unknown): AccountFilter {
  const text = typeof search === 'string' ? search.trim() : '';
  return {
    ...(typeof role === 'string' && (ROLES as readonly string[]).includes(role) && { role: role as Role }),
    ...(text !== '' && text.length <= SEARCH_MAX && { search: text }),
  };
}

/** The admin's reads of accounts, as the pages' plain data, through the users module's service. */
@Injectable()
export class AdminViews {
  constructor(private readonly users: UsersService) {}

  async accounts(filter: AccountFilter, page: number): Promise<AccountsView> {
    const [users, total] = await this.users.list({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return { items: users.map(row), total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), filter };
  }

  async account(id: string): Promise<AccountRow> {
    return row(await this.users.get(id));
  }
}
