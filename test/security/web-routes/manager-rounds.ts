import { WebRouteRule, WebWorld } from './rule';

const manager = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({ who: ['manager'], params });
const competition = manager((w) => ({ id: w.reviewing.competitionId }));
const round = manager((w) => ({ id: w.reviewing.roundId }));
const assignment = manager((w) => ({ id: w.reviewing.assignmentId }));

/**
 * The managers' round pages, on the world's reviewing competition (its round is open). A post
 * with only the form token reaches each use case and is refused there or by the form (opening an
 * open round 409, closing or finalizing unconfirmed 400, an empty juror, assignment or reason
 * 400, taking a juror with assignments off the panel 409): the world stays as it was, but for a
 * queued assignment run, which the API's matrix asks for too.
 */
export const MANAGER_ROUNDS_ROUTES: Record<string, WebRouteRule> = {
  'GET /manage/competitions/:id/rounds': competition,
  'GET /manage/competitions/:id/rounds/new': competition,
  'POST /manage/competitions/:id/rounds/new': competition,
  'GET /manage/rounds/:id': round,
  'POST /manage/rounds/:id/open': round,
  'POST /manage/rounds/:id/close': round,
  'POST /manage/rounds/:id/finalize': round,
  'POST /manage/rounds/:id/reminders': round,
  'GET /manage/rounds/:id/method': round,
  'POST /manage/rounds/:id/method': round,
  'GET /manage/competitions/:id/jurors': competition,
  'POST /manage/competitions/:id/jurors': competition,
  'POST /manage/competitions/:id/jurors/:userId/remove': manager((w) => ({
    id: w.reviewing.competitionId,
    userId: w.users.juror.user.id,
  })),
  'GET /manage/rounds/:id/assignments': round,
  'GET /manage/rounds/:id/runs': round,
  'POST /manage/rounds/:id/assignment-runs': round,
  'GET /manage/rounds/:id/assignments/add': round,
  'POST /manage/rounds/:id/assignments': round,
  'GET /manage/assignments/:id': assignment,
  'POST /manage/assignments/:id/swap': assignment,
  'POST /manage/assignments/:id/remove': assignment,
  'GET /manage/rounds/:id/results': manager((w) => ({ id: w.awarded.roundId })),
};
