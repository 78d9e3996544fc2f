import { WebRouteRule } from './rule';

const STAFF = ['manager', 'admin'] as const;

/**
 * The managers' home, a competition's overview, its applications and one application. Admins
 * read where the JSON API lets them; only managers screen and mark files. The forms sent by the
 * matrix are empty, so every POST stops at its form check (400) and the world stays as it was.
 */
export const MANAGER_APPLICATIONS_ROUTES: Record<string, WebRouteRule> = {
  'GET /manage': { who: [...STAFF] },
  'GET /manage/competitions/:id': { who: [...STAFF], params: (w) => ({ id: w.reviewing.competitionId }) },
  'GET /manage/competitions/:id/applications': {
    who: [...STAFF],
    params: (w) => ({ id: w.reviewing.competitionId }),
  },
  'GET /manage/competitions/:id/applications.csv': {
    who: [...STAFF],
    params: (w) => ({ id: w.reviewing.competitionId }),
  },
  'POST /manage/competitions/:id/applications/screening': {
    who: ['manager'],
    params: (w) => ({ id: w.reviewing.competitionId }),
  },
  // An outcome that is not kept (any key) is a page saying so, for the manager who asks.
  'GET /manage/competitions/:id/applications/screening/:result': {
    who: ['manager'],
    params: (w) => ({ id: w.reviewing.competitionId, result: w.reviewing.roundId }),
  },
  'GET /manage/applications/:id': { who: [...STAFF], params: (w) => ({ id: w.reviewing.applicationId }) },
  'POST /manage/applications/:id/screening': {
    who: ['manager'],
    params: (w) => ({ id: w.reviewing.applicationId }),
  },
  'GET /manage/applications/:id/attachments/:attachmentId': {
    who: [...STAFF],
    params: (w) => ({ id: w.reviewing.applicationId, attachmentId: w.reviewing.attachmentId }),
  },
  'POST /manage/applications/:id/attachments/:attachmentId/identifying': {
    who: ['manager'],
    params: (w) => ({ id: w.reviewing.applicationId, attachmentId: w.reviewing.attachmentId }),
  },
};
