import { WebRouteRule } from './rule';

/** The public site: anyone, signed in or not, reads a competition, a village and the open data. */
export const PUBLIC_SITE_ROUTES: Record<string, WebRouteRule> = {
  'GET /competitions/:id': { who: 'public', params: (w) => ({ id: w.open.competitionId }) },
  'GET /villages/:id': { who: 'public', params: (w) => ({ id: w.places.villageId }) },
  'GET /open-data': { who: 'public' },
};
