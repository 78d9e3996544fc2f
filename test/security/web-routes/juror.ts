import { WebRouteRule, WebWorld } from './rule';

/** On the panel of the world's `reviewing` competition: `outsider` (a juror on no panel) finds nothing there. */
const panel = (params: (w: WebWorld) => Record<string, string>): WebRouteRule => ({
  who: ['juror'],
  panel: true,
  params,
});
/** `juror`'s own assignment: for `juror2` (on the same panel) it does not exist. */
const own = (params: (w: WebWorld) => Record<string, string>): WebRouteRule => ({
  who: ['juror'],
  owner: 'juror',
  stranger: 404,
  params,
});
const competition = (w: WebWorld) => ({ id: w.reviewing.competitionId });
const assignment = (w: WebWorld) => ({ id: w.reviewing.assignmentId });

/**
 * The jurors' workspace. The matrix posts forms holding only their token: a declaration without a
 * target (400), a withdrawal after confirming (409), a recusal without a reason (400) and a submit
 * without scores (400) reach their use cases and change nothing; confirming again changes nothing;
 * the empty draft save stores `juror`'s draft with no scores.
 */
export const JUROR_ROUTES: Record<string, WebRouteRule> = {
  'GET /reviews': { who: ['juror'] },
  'GET /reviews/competitions/:id/conflicts': panel(competition),
  'POST /reviews/competitions/:id/conflicts': panel(competition),
  'POST /reviews/competitions/:id/conflicts/confirm': panel(competition),
  'POST /reviews/competitions/:id/conflicts/:declarationId/remove': own((w) => ({
    id: w.reviewing.competitionId,
    declarationId: w.reviewing.declarationId,
  })),
  'GET /reviews/rounds/:id': panel((w) => ({ id: w.reviewing.roundId })),
  'GET /reviews/rounds/:id/offline': panel((w) => ({ id: w.reviewing.roundId })),
  'GET /reviews/rounds/:id/offline/form.txt': panel((w) => ({ id: w.reviewing.roundId })),
  'POST /reviews/rounds/:id/offline': panel((w) => ({ id: w.reviewing.roundId })),
  'GET /reviews/assignments/:id': own(assignment),
  'POST /reviews/assignments/:id': own(assignment),
  'POST /reviews/assignments/:id/submit': own(assignment),
  'GET /reviews/assignments/:id/recuse': own(assignment),
  'POST /reviews/assignments/:id/recuse': own(assignment),
  'GET /reviews/assignments/:id/attachments/:attachmentId': own((w) => ({
    id: w.reviewing.assignmentId,
    attachmentId: w.reviewing.attachmentId,
  })),
};
