import { QueryFailedError } from 'typeorm';
import { AuthErrors } from '../../common/errors/common.errors';
import { errorForConstraint } from '../../common/errors/constraint-errors';
import { DomainError } from '../../common/errors/domain-error';
import { LiveSession } from '../../modules/auth/browser-sessions.repository';
import { EMAIL_MAX, FULL_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../../modules/users/dto/user-fields';
import { UserErrors } from '../../modules/users/users.errors';
import { MessageKey } from '../i18n/catalogue';
import { FieldMessages } from '../render/validate-form';
import { WebRequest } from '../session/web-request';
import { FieldError } from '../ui/form';

/** Message keys for the rules of the users module's DTOs, by field (the field's element id on the page). */
export const PERSON_FIELD_MESSAGES = {
  fullName: { default: 'account.error.fullName.required', maxLength: 'account.error.fullName.tooLong' },
  email: { default: 'account.error.email.invalid', maxLength: 'account.error.email.tooLong' },
  password: { default: 'account.error.password.tooShort', maxLength: 'account.error.password.tooLong' },
  phone: { default: 'account.error.phone.invalid' },
  preferredLanguage: { default: 'account.error.language.invalid' },
  homeVillageId: { default: 'account.error.village.required' },
} satisfies Record<string, FieldMessages>;

export const NEW_PASSWORD_MESSAGES: FieldMessages = {
  default: 'account.error.password.tooShort',
  maxLength: 'account.error.password.tooLong',
};

/** The limits the messages name, by field. */
export const PERSON_FIELD_LIMITS = {
  fullName: { max: FULL_NAME_MAX },
  email: { max: EMAIL_MAX },
  password: { min: PASSWORD_MIN, max: PASSWORD_MAX },
  newPassword: { min: PASSWORD_MIN, max: PASSWORD_MAX },
  passwordAgain: { min: PASSWORD_MIN, max: PASSWORD_MAX },
};

/** Domain errors a person can fix on the form, shown at the field they concern. */
const FIXABLE: Record<string, FieldError> = {
  [UserErrors.EMAIL_TAKEN.code]: { field: 'email', message: 'account.error.email.taken' },
  [UserErrors.VILLAGE_NOT_FOUND.code]: { field: 'homeVillageId', message: 'account.error.village.unknown' },
  [UserErrors.WRONG_PASSWORD.code]: { field: 'currentPassword', message: 'account.error.currentPassword.wrong' },
};

/** The error's code; a violated database constraint reads as the error its module registered for it. */
function codeOf(error: unknown): string | undefined {
  if (error instanceof DomainError) return error.code;
  if (error instanceof QueryFailedError)
    return errorForConstraint((error.driverError as { constraint?: string }).constraint)?.code;
  return undefined;
}

/** The field error for a domain error a person can fix, or null (then the error is not ours to show). */
export function fixableError(error: unknown): FieldError | null {
  const code = codeOf(error);
  return code ? (FIXABLE[code] ?? null) : null;
}

export function isTooMany(error: unknown): boolean {
  return error instanceof DomainError && error.code === AuthErrors.TOO_MANY_ATTEMPTS.code;
}

/** What a link from a mail can be wrong with, in words. */
export const LINK_PROBLEMS: Record<string, MessageKey> = {
  [AuthErrors.INVALID_LINK.code]: 'account.link.invalid',
  [AuthErrors.LINK_EXPIRED.code]: 'account.link.expired',
  [AuthErrors.LINK_USED.code]: 'account.link.used',
};

export function linkProblem(error: unknown): MessageKey | null {
  return error instanceof DomainError ? (LINK_PROBLEMS[error.code] ?? null) : null;
}

/** The signed-in person of a route that requires one (the access guard has already checked). */
export function signedIn(request: WebRequest): LiveSession {
  const session = request.web?.session;
  if (!session) throw new DomainError(AuthErrors.UNAUTHENTICATED);
  return session;
}

/** A form's empty optional field means "not given". */
export const optional = (value: string): string | undefined => (value === '' ? undefined : value);
