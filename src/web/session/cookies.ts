/** Reads the Cookie header into a map (the first value wins, as browsers send the most specific first). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A value that is not valid percent-encoding is ignored, as if it had not been sent.
    }
  }
  return cookies;
}

export interface CookieOptions {
  secure: boolean;
  httpOnly: boolean;
  maxAgeSeconds: number;
}

/** One Set-Cookie value: always Path=/ and SameSite=Lax; Max-Age 0 deletes it. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * Cookie names. Served over HTTPS they carry the `__Host-` prefix, which browsers accept only with
 * Secure, Path=/ and no Domain: no other site or subdomain can set or shadow them. Over plain HTTP
 * (a laptop demo) browsers refuse that prefix, so the names go without it there.
 */
export function cookieNames(secure: boolean): { session: string; anonymous: string; language: string } {
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}session`, anonymous: `${prefix}visitor`, language: `${prefix}lang` };
}
