import { Role } from '../../../src/common/auth/role';
import { WebRouteRule } from './rule';

export const EVERYONE: Role[] = ['applicant', 'juror', 'manager', 'finance', 'observer', 'admin'];

/** The frame every page shares: home, sign-in and out, the language switch, the assets. */
export const FOUNDATION_ROUTES: Record<string, WebRouteRule> = {
  'GET /': { who: 'public' },
  'GET /sign-in': { who: 'public' },
  'POST /sign-in': { who: 'public' },
  'POST /sign-out': { who: EVERYONE },
  'POST /language': { who: 'public' },
  'GET /assets/:name': { who: 'public', params: (w) => ({ name: w.assetName }) },
};
