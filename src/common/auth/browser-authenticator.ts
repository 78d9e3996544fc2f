import type { Request } from 'express';
import { AuthUser } from './role';

/** Marks a controller as web pages: the access guard then asks the browser authenticator, not the bearer token. */
export const WEB_KEY = 'access:web';

/** Provided by the web module: reads the session cookie, prepares the page's language and CSRF token. */
export const BROWSER_AUTHENTICATOR = Symbol('BROWSER_AUTHENTICATOR');

export interface BrowserAuthenticator {
  /** The signed-in person, or null; refuses (throws) a state-changing request that fails the CSRF check. */
  authenticate(request: Request): Promise<AuthUser | null>;
}
