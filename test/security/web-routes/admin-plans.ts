import { WebRouteRule, WebWorld } from './rule';

/** Admins only; the world's plans name the page. */
const admins = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({ who: ['admin'], params });
const draft = admins((w) => ({ id: w.places.draftPlanId }));

/**
 * The admins' plan pages. A post with only the form token is refused by the form before any
 * change (no village chosen, the draft's title and years missing, adopt or archive unconfirmed:
 * 400), so the world's draft and adopted plans stay as they are.
 */
export const ADMIN_PLANS_ROUTES: Record<string, WebRouteRule> = {
  'GET /admin/plans': admins(),
  'GET /admin/plans/new': admins(),
  'POST /admin/plans/new': admins(),
  'GET /admin/plans/:id': admins((w) => ({ id: w.places.planId })),
  'POST /admin/plans/:id': draft,
  'POST /admin/plans/:id/adopt': draft,
  'POST /admin/plans/:id/archive': admins((w) => ({ id: w.places.planId })),
};
