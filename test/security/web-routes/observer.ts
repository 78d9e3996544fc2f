import { WebRouteRule } from './rule';

/** Observers and admins, as the audit and oversight API lets them; the world's finalized round is read. */
const overseers = (params?: WebRouteRule['params']): WebRouteRule => ({ who: ['observer', 'admin'], params });

/** The observers' pages: the oversight home, the audit log and its chain check, a round's anonymised scoresheets. */
export const OBSERVER_ROUTES: Record<string, WebRouteRule> = {
  'GET /oversight': overseers(),
  'GET /oversight/audit': overseers(),
  'GET /oversight/audit/verify': overseers(),
  'GET /oversight/rounds/:id': overseers((w) => ({ id: w.awarded.roundId })),
};
