import { WebRouteRule } from './rule';

/**
 * Assisted intake: only managers find a walk-in applicant (or register one) and start a draft for
 * them (as the JSON API's assisted draft). The matrix's empty forms stop at their checks (400):
 * nothing is stored.
 */
export const MANAGER_INTAKE_ROUTES: Record<string, WebRouteRule> = {
  'GET /manage/competitions/:id/intake': { who: ['manager'], params: (w) => ({ id: w.open.competitionId }) },
  'POST /manage/competitions/:id/intake': { who: ['manager'], params: (w) => ({ id: w.open.competitionId }) },
  'GET /manage/competitions/:id/intake/register': {
    who: ['manager'],
    params: (w) => ({ id: w.open.competitionId }),
  },
  'POST /manage/competitions/:id/intake/register': {
    who: ['manager'],
    params: (w) => ({ id: w.open.competitionId }),
  },
};
