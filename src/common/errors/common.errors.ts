import { defineError, defineErrors } from './domain-error';

export const CommonErrors = defineErrors('REQUEST', {
  VALIDATION_FAILED: { kind: 'validation', message: 'The request has invalid fields' },
  MALFORMED_JSON: { kind: 'validation', message: 'The request body is not valid JSON' },
  MALFORMED_BODY: {
    kind: 'validation',
    message: 'The request body could not be read (a broken compressed stream, or fewer bytes than announced)',
  },
  UNSUPPORTED_ENCODING: {
    kind: 'unsupported_media',
    message: 'The request body is in a content encoding or character set the service does not read',
  },
  TOO_LARGE: { kind: 'too_large', message: 'The request body is too large' },
  INVALID_ID: { kind: 'validation', message: 'The id in the path is not a valid UUID' },
  ROUTE_NOT_FOUND: { kind: 'not_found', message: 'No such route' },
});

export const AuthErrors = defineErrors('AUTH', {
  UNAUTHENTICATED: { kind: 'unauthenticated', message: 'A valid access token is required' },
  FORBIDDEN: { kind: 'forbidden', message: 'Your roles do not allow this action' },
  INVALID_CREDENTIALS: { kind: 'unauthenticated', message: 'Email or password is wrong' },
  INVALID_REFRESH_TOKEN: { kind: 'unauthenticated', message: 'The refresh token is invalid or expired' },
  REFRESH_TOKEN_REUSED: {
    kind: 'unauthenticated',
    message: 'The refresh token was already used; every session of this login was revoked',
  },
  TOO_MANY_ATTEMPTS: { kind: 'rate_limited', message: 'Too many failed attempts; try again later' },
  ACCOUNT_DISABLED: { kind: 'forbidden', message: 'This account is disabled' },
  INVALID_LINK: { kind: 'validation', message: 'The link is not valid' },
  LINK_EXPIRED: { kind: 'rule', message: 'The link has expired; ask for a new one' },
  LINK_USED: { kind: 'conflict', message: 'The link has already been used' },
  EMAIL_ALREADY_CONFIRMED: { kind: 'conflict', message: 'The email address is already confirmed' },
  SESSION_NOT_FOUND: { kind: 'not_found', message: 'You have no such session' },
});

export const DatabaseErrors = defineErrors('DATABASE', {
  DUPLICATE: { kind: 'conflict', message: 'A record with the same unique values already exists' },
  REFERENCE_NOT_FOUND: { kind: 'rule', message: 'A referenced record does not exist' },
  REFERENCE_IN_USE: { kind: 'conflict', message: 'The record is still referenced by others' },
  CONSTRAINT_VIOLATED: { kind: 'rule', message: 'The change breaks a rule of the data' },
  UNAVAILABLE: {
    kind: 'unavailable',
    message:
      'The database cannot be reached right now; try again shortly (with the same Idempotency-Key where the route takes one)',
  },
});

/** Anything unexpected: logged in full, answered with this and nothing more. */
export const UnexpectedError = defineError({
  code: 'INTERNAL',
  kind: 'internal',
  message: 'Unexpected error; it has been logged',
});
