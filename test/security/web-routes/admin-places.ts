import { WebRouteRule, WebWorld } from './rule';

/** Admins only; the world's spare district and village are the ones a page may change. */
const admins = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({ who: ['admin'], params });
const district = admins((w) => ({ id: w.places.spareDistrictId }));
const village = admins((w) => ({ id: w.places.spareVillageId }));

/**
 * The admins' places pages. A post with only the token names its missing fields (400) before any
 * change, so the world's places stay as they are. An admin edits every place: there is no stranger.
 */
export const ADMIN_PLACES_ROUTES: Record<string, WebRouteRule> = {
  'GET /admin/places': admins(),
  'POST /admin/places/regions': admins(),
  'POST /admin/places/districts': admins(),
  'GET /admin/places/districts/:id': district,
  'POST /admin/places/districts/:id': district,
  'POST /admin/places/districts/:id/villages': district,
  'GET /admin/places/villages/:id': village,
  'POST /admin/places/villages/:id': village,
  'POST /admin/places/villages/:id/delete': village,
};
