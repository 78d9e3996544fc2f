import { WebRouteRule } from './rule';
import { EVERYONE } from './foundation';

/** Registering, the links from mail, forgotten passwords and the person's own profile. */
export const ACCOUNT_ROUTES: Record<string, WebRouteRule> = {
  'GET /register': { who: 'public' },
  'POST /register': { who: 'public' },
  'GET /register/check-mail': { who: EVERYONE },
  'GET /confirm-email': { who: 'public' },
  'POST /confirm-email': { who: 'public' },
  'GET /forgot-password': { who: 'public' },
  'POST /forgot-password': { who: 'public' },
  'GET /reset-password': { who: 'public' },
  'POST /reset-password': { who: 'public' },
  'GET /account': { who: EVERYONE },
  'POST /account': { who: EVERYONE },
  'POST /account/password': { who: EVERYONE },
  'POST /account/sessions/end': { who: EVERYONE },
  'POST /account/sessions/end-others': { who: EVERYONE },
  'POST /account/confirm-email/resend': { who: EVERYONE },
};
