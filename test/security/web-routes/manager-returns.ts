import { WebRouteRule } from './rule';

/** A manager's form to return a submitted application for changes (a draft of the world: the form explains, 409). */
export const MANAGER_RETURNS_ROUTES: Record<string, WebRouteRule> = {
  'GET /manage/applications/:id/return': { who: ['manager'], params: (w) => ({ id: w.open.draftId }) },
  'POST /manage/applications/:id/return': { who: ['manager'], params: (w) => ({ id: w.open.draftId }) },
};
