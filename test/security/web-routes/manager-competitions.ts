import { WebRouteRule, WebWorld } from './rule';

const manager = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({ who: ['manager'], params });
const competition = manager((w) => ({ id: w.reviewing.competitionId }));

/**
 * The managers' competition setup, on the world's reviewing competition (long past draft). A post
 * with only the form token stops at the form: a new competition with every field empty 400, the
 * setup of a competition no longer in draft 409 (shown read only), opening or closing unconfirmed
 * 400. The world stays as it was.
 */
export const MANAGER_COMPETITIONS_ROUTES: Record<string, WebRouteRule> = {
  'GET /manage/competitions': manager(),
  'GET /manage/competitions/new': manager(),
  'POST /manage/competitions/new': manager(),
  'GET /manage/competitions/:id/edit': competition,
  'POST /manage/competitions/:id/edit': competition,
  'GET /manage/competitions/:id/open': competition,
  'POST /manage/competitions/:id/open': competition,
  'GET /manage/competitions/:id/close': competition,
  'POST /manage/competitions/:id/close': competition,
};
