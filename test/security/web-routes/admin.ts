import { WebRouteRule, WebWorld } from './rule';

/** Admins only; the world's target user names the account. */
const admins = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({ who: ['admin'], params });
const account = admins((w) => ({ id: w.targetUserId }));

/**
 * The admins' accounts pages. A post with only the token names its missing fields (400) before
 * any change, so the world's accounts stay as they are. An admin reads every account: there is
 * no stranger to one.
 */
export const ADMIN_ROUTES: Record<string, WebRouteRule> = {
  'GET /admin/users': admins(),
  'GET /admin/users/new': admins(),
  'POST /admin/users/new': admins(),
  'GET /admin/users/:id': account,
  'POST /admin/users/:id': account,
};
