import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer tokens for forms. A token is an HMAC of what the browser's cookie binds it to: the
 * signed-in session's id, or before sign-in a random visitor id. The cookies are HttpOnly, so a
 * page on another site can neither read the binding nor compute the token; signing in changes the
 * binding, so a token learnt before sign-in is worthless after.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', 'web-csrf').update(secret).digest();
  }

  tokenFor(binding: string): string {
    return createHmac('sha256', this.key).update(binding).digest('base64url');
  }

  matches(binding: string, presented: unknown): boolean {
    if (typeof presented !== 'string' || presented.length === 0 || presented.length > 100) return false;
    const expected = Buffer.from(this.tokenFor(binding));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/**
 * The browser's own word on where a state-changing request came from. Sec-Fetch-Site (every current
 * browser sends it) must be same-origin, or none (typed in the address bar); an Origin header, when
 * present, must be ours. Requests without either (old browsers, curl) rely on the token alone.
 */
export function fromOurOrigin(
  headers: { origin?: string; 'sec-fetch-site'?: string },
  ourOrigins: readonly string[],
): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return headers.origin === undefined || ourOrigins.includes(headers.origin);
}
