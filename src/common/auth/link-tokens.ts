import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';

/** Link purposes: notifications sign the links they mail with these, auth verifies them with the same. */
export const LINK_PURPOSE = { confirmEmail: 'confirm_email', resetPassword: 'reset_password' } as const;

/**
 * Tokens in emailed links: `<token id>.<HMAC of purpose and id>`. Only the id is stored (in the
 * database and the outbox), so neither a database dump nor a queue job can open an account; the
 * link is derived again when the mail is rendered.
 */
export function signLinkToken(secret: string, purpose: string, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The token id if the token is well-formed and its MAC matches, else null. */
export function verifyLinkToken(secret: string, purpose: string, token: string): string | null {
  const [id, given, ...rest] = token.split('.');
  if (!id || !given || rest.length > 0 || !isUUID(id)) return null;
  const expected = Buffer.from(mac(secret, purpose, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

function mac(secret: string, purpose: string, id: string): string {
  return createHmac('sha256', `link-tokens:${secret}`).update(`${purpose}:${id.toLowerCase()}`).digest('base64url');
}
