import { ROLES, Role } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { Language } from '../../modules/users/domain/language';
import { InviteUserDto, UpdateUserDto } from '../../modules/users/dto/user.dto';
import { UserErrors } from '../../modules/users/users.errors';
import { UserChanges } from '../../modules/users/users.service';
import { fixableError, optional, PERSON_FIELD_LIMITS, PERSON_FIELD_MESSAGES } from '../account/account-forms';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { validateForm } from '../render/validate-form';
import { FieldError } from '../ui/form';
import { WebErrors } from '../web.errors';

/** The roles in the order the forms offer them: staff first, applicants last. */
export const ROLE_CHOICES: readonly Role[] = ['juror', 'manager', 'finance', 'observer', 'admin', 'applicant'];
export const roleLabel = (role: Role): MessageKey => `admin.role.${role}`;

export interface NewAccountForm {
  fullName: string;
  email: string;
  phone: string;
  preferredLanguage: string;
  roles: string[];
}
export interface AccountChangeForm {
  roles: string[];
  preferredLanguage: string;
  active: string;
}

const NEW_FIELDS = ['fullName', 'email', 'phone', 'preferredLanguage'] as const;
const CHANGE_FIELDS = ['preferredLanguage', 'active'] as const;
const ROLE_MESSAGES = { roles: { default: 'admin.error.roles' as MessageKey } };

/**
 * The ticked roles come as one value or a list; anything a page of ours never sends (an unknown
 * role, more values than roles) is a forged form, refused as a whole like readForm does.
 */
function readRoles(body: unknown): { rest: Record<string, unknown>; roles: string[] } {
  if (typeof body !== 'object' || body === null) throw new DomainError(WebErrors.FORM_INVALID);
  const { roles: raw, ...rest } = body as Record<string, unknown>;
  const roles = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (
    roles.length > ROLES.length ||
    roles.some((r) => typeof r !== 'string' || !(ROLES as readonly string[]).includes(r))
  )
    throw new DomainError(WebErrors.FORM_INVALID, { field: 'roles' });
  return { rest, roles: roles as string[] };
}

export function readNewAccount(body: unknown): NewAccountForm {
  const { rest, roles } = readRoles(body);
  return { ...readForm(rest, NEW_FIELDS, 1000), roles };
}

export function readAccountChange(body: unknown): AccountChangeForm {
  const { rest, roles } = readRoles(body);
  return { ...readForm(rest, CHANGE_FIELDS, 100), roles };
}

/** The new account as the service takes it, or every problem, by the JSON API's rules (CreateUserDto less the password). */
export function checkNewAccount(form: NewAccountForm): { value: InviteUserDto; errors: FieldError[] } {
  const { fullName, email, phone, preferredLanguage } = PERSON_FIELD_MESSAGES;
  return validateForm(
    InviteUserDto,
    { ...form, phone: optional(form.phone) },
    { fullName, email, phone, preferredLanguage, ...ROLE_MESSAGES },
    PERSON_FIELD_LIMITS,
  );
}

/** The changes as the service takes them, or every problem, by the JSON API's UpdateUserDto. */
export function checkAccountChange(form: AccountChangeForm): { value: UserChanges; errors: FieldError[] } {
  const active = form.active === 'true' ? true : form.active === 'false' ? false : undefined;
  const { value, errors } = validateForm(
    UpdateUserDto,
    { roles: form.roles, preferredLanguage: form.preferredLanguage, active },
    {
      ...ROLE_MESSAGES,
      preferredLanguage: PERSON_FIELD_MESSAGES.preferredLanguage,
      active: { default: 'admin.error.active' },
      homeVillageId: PERSON_FIELD_MESSAGES.homeVillageId,
    },
  );
  if (active === undefined) errors.push({ field: 'active', message: 'admin.error.active' });
  const changes: UserChanges = {
    roles: value.roles,
    active,
    preferredLanguage: value.preferredLanguage as Language,
  };
  return { value: changes, errors };
}

/** A refusal the admin can act on: an email taken (at its field) or the last admin (in words). */
export function accountRefusal(error: unknown): { errors: FieldError[]; problem?: MessageKey } | null {
  if (error instanceof DomainError && error.code === UserErrors.LAST_ADMIN.code)
    return { errors: [], problem: 'admin.problem.lastAdmin' };
  const fixable = fixableError(error);
  return fixable ? { errors: [fixable] } : null;
}
