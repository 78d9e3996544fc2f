import type { Request } from 'express';
import { Language } from '../../modules/users/domain/language';
import { LiveSession } from '../../modules/auth/browser-sessions.repository';

/** What the browser authenticator learns about a request, for the page and its controller. */
export interface WebState {
  nonce: string;
  language: Language;
  session: LiveSession | null;
  csrfToken: string;
}

export type WebRequest = Request & { web?: WebState };
