import { Role } from '../../src/common/auth/role';
import { Caller, World } from './world';

/** `reach`: the call gets past access control to the use case (any answer but 401, 403, 404 or 5xx). */
export type Outcome = 'reach' | 401 | 403 | 404;

export interface RouteRule {
  /** Who gets through: everyone, or the roles named here (written out, not read from @Roles). */
  who: 'public' | Role[];
  params?: (w: World) => Record<string, string>;
  /** The resource belongs to one person of this role; the second person of the role is a stranger to it... */
  owner?: 'applicant' | 'juror';
  /** ...and gets this (404: it is not theirs, so for them it does not exist). */
  stranger?: 403 | 404;
  /** Only jurors on the competition's panel get through; for a juror on no panel (`outsider`) it does not exist. */
  panel?: true;
  /** A body that passes validation, sent by strangers so that ownership, not validation, refuses them. */
  strangerBody?: Record<string, unknown> | 'file' | ((w: World) => Record<string, unknown>);
  /** Callers whose answer differs from what their role says, each with the reason beside it. */
  except?: Partial<Record<Caller, Outcome>>;
}

const STAFF: Role[] = ['manager', 'admin'];
const OVERSIGHT: Role[] = ['manager', 'admin', 'observer'];
const MONEY_READERS: Role[] = ['manager', 'finance', 'observer', 'admin'];
const AWARD_READERS: Role[] = ['applicant', ...MONEY_READERS];
const EVERYONE: Role[] = ['applicant', 'juror', 'manager', 'finance', 'observer', 'admin'];

const c = (pick: (w: World) => string) => (w: World) => ({ id: pick(w) });
const awarded = (key: keyof World['awarded']) => c((w) => w.awarded[key]);
const reviewing = (key: keyof World['reviewing']) => c((w) => w.reviewing[key]);
const open = (key: keyof World['open']) => c((w) => w.open[key]);
const place = (key: keyof World['places']) => c((w) => w.places[key]);

const scores = { scores: { plan: 1 } };
const report = { body: 'Done', jobsCreated: 1, spending: [], fileIds: [] };
/** Staff may read any application but change only those entered by assisted intake (APPLICATION.NOT_ASSISTED). */
const notAssisted = { manager: 403, manager2: 403 } as const;

/** Every route of the API with who may call it. A route missing here, or a row without its route, fails the suite. */
export const ROUTE_TABLE: Record<string, RouteRule> = {
  'GET /health': { who: 'public' },
  'GET /me': { who: EVERYONE },
  'POST /auth/register': { who: 'public' },
  'POST /auth/login': { who: 'public' },
  'POST /auth/refresh': { who: 'public' },
  'POST /auth/logout': { who: 'public' },
  'GET /auth/confirm-email': { who: 'public' },
  'POST /auth/confirm-email/page': { who: 'public' },
  'POST /auth/confirm-email': { who: 'public' },
  'POST /auth/confirm-email/resend': { who: EVERYONE },
  'POST /auth/password-reset/request': { who: 'public' },
  'GET /auth/password-reset': { who: 'public' },
  'POST /auth/password-reset': { who: 'public' },

  'POST /users': { who: ['admin'] },
  'GET /users': { who: ['admin'] },
  'GET /users/:id': { who: ['admin'], params: c((w) => w.targetUserId) },
  'PATCH /users/:id': { who: ['admin'], params: c((w) => w.targetUserId) },
  'GET /notifications': { who: ['admin'] },
  'POST /notifications/retry-failed': { who: ['admin'] },
  'POST /notifications/:id/retry': { who: ['admin'], params: c((w) => w.notificationId) },
  'GET /audit-events': { who: ['admin', 'observer'] },
  'GET /audit-events/verify': { who: ['admin', 'observer'] },

  'GET /regions': { who: 'public' },
  'GET /districts': { who: 'public' },
  'GET /villages': { who: 'public' },
  'GET /villages/:id': { who: 'public', params: place('villageId') },
  'POST /regions': { who: ['admin'] },
  'PATCH /regions/:id': { who: ['admin'], params: place('spareRegionId') },
  'DELETE /regions/:id': { who: ['admin'], params: place('spareRegionId') },
  'POST /districts': { who: ['admin'] },
  'PATCH /districts/:id': { who: ['admin'], params: place('spareDistrictId') },
  'DELETE /districts/:id': { who: ['admin'], params: place('spareDistrictId') },
  'POST /villages': { who: ['admin'] },
  'PATCH /villages/:id': { who: ['admin'], params: place('spareVillageId') },
  'DELETE /villages/:id': { who: ['admin'], params: place('spareVillageId') },
  'GET /plans': { who: 'public' },
  'GET /plans/:id': { who: 'public', params: place('planId') },
  'GET /villages/:id/plan': { who: 'public', params: place('villageId') },
  'POST /plans': { who: ['admin'] },
  'PATCH /plans/:id': { who: ['admin'], params: place('draftPlanId') },
  'POST /plans/:id/adopt': { who: ['admin'], params: place('planId') },
  'POST /plans/:id/archive': { who: ['admin'], params: place('draftPlanId') },

  'GET /public/competitions': { who: 'public' },
  'GET /public/competitions/:id': { who: 'public', params: open('competitionId') },
  'GET /competitions': { who: OVERSIGHT },
  'GET /competitions/:id': { who: OVERSIGHT, params: open('competitionId') },
  'POST /competitions': { who: ['manager'] },
  'PATCH /competitions/:id': { who: ['manager'], params: open('competitionId') },
  'POST /competitions/:id/open': { who: ['manager'], params: open('competitionId') },
  'POST /competitions/:id/close': { who: ['manager'], params: reviewing('competitionId') },

  'POST /competitions/:id/applications': { who: ['applicant'], params: open('competitionId') },
  'POST /competitions/:id/applications/assisted': { who: ['manager'], params: open('competitionId') },
  'GET /applications/mine': { who: ['applicant'] },
  'GET /applications/:id': { who: ['applicant', ...STAFF], params: open('draftId'), owner: 'applicant', stranger: 404 },
  'GET /applications/:id/history': {
    who: ['applicant', ...STAFF],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
  },
  'PATCH /applications/:id': {
    who: ['applicant', 'manager'],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: { title: 'Mine now' },
    except: notAssisted,
  },
  'DELETE /applications/:id': {
    who: ['applicant', 'manager'],
    params: open('deleteId'),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },
  'POST /applications/:id/submit': {
    who: ['applicant', 'manager'],
    params: open('submitId'),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },
  'POST /applications/:id/withdraw': {
    who: ['applicant', 'manager'],
    params: open('withdrawId'),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },
  'GET /competitions/:id/applications': { who: STAFF, params: open('competitionId') },
  'GET /competitions/:id/applications/export.csv': { who: STAFF, params: open('competitionId') },
  'GET /competitions/:id/applications/summary': { who: OVERSIGHT, params: open('competitionId') },
  'POST /applications/:id/screening': { who: ['manager'], params: open('submitId') },
  'POST /competitions/:id/screening': { who: ['manager'], params: open('competitionId') },

  'POST /applications/:id/attachments': {
    who: ['applicant', 'manager'],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: 'file',
  },
  'GET /applications/:id/attachments': {
    who: ['applicant', ...STAFF],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
  },
  'GET /applications/:id/attachments/:attachmentId': {
    who: ['applicant', ...STAFF],
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
    owner: 'applicant',
    stranger: 404,
  },
  'PATCH /applications/:id/attachments/:attachmentId': {
    who: ['manager'],
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
  },
  'DELETE /applications/:id/attachments/:attachmentId': {
    who: ['applicant', 'manager'],
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },

  'POST /competitions/:id/rounds': { who: ['manager'], params: reviewing('competitionId') },
  'GET /competitions/:id/rounds': { who: OVERSIGHT, params: reviewing('competitionId') },
  'GET /public/competitions/:id/rounds': { who: 'public', params: reviewing('competitionId') },
  'GET /public/rounds/:id': { who: 'public', params: reviewing('roundId') },
  'GET /public/rounds/:id/results': { who: 'public', params: awarded('roundId') },
  'GET /rounds/:id': { who: OVERSIGHT, params: reviewing('roundId') },
  'PATCH /rounds/:id': { who: ['manager'], params: reviewing('roundId') },
  'POST /rounds/:id/open': { who: ['manager'], params: reviewing('roundId') },
  'POST /rounds/:id/close': { who: ['manager'], params: awarded('roundId') },
  'POST /rounds/:id/finalize': { who: ['manager'], params: awarded('roundId') },
  'POST /competitions/:id/jurors': { who: ['manager'], params: reviewing('competitionId') },
  'GET /competitions/:id/jurors': { who: STAFF, params: reviewing('competitionId') },
  'GET /competitions/:id/conflicts': { who: OVERSIGHT, params: reviewing('competitionId') },
  'DELETE /competitions/:id/jurors/:userId': {
    who: ['manager'],
    params: (w) => ({ id: w.reviewing.competitionId, userId: w.users.juror.user.id }),
  },
  'GET /reviews/competitions': { who: ['juror'] },
  'GET /reviews/competitions/:id/applicants': { who: ['juror'], params: reviewing('competitionId'), panel: true },
  'GET /reviews/competitions/:id/conflicts': { who: ['juror'], params: reviewing('competitionId'), panel: true },
  'POST /reviews/competitions/:id/conflicts': {
    who: ['juror'],
    params: reviewing('competitionId'),
    panel: true,
    strangerBody: (w) => ({ villageId: w.places.villageId, kind: 'other' }),
  },
  'DELETE /reviews/competitions/:id/conflicts/:declarationId': {
    who: ['juror'],
    params: (w) => ({ id: w.reviewing.competitionId, declarationId: w.reviewing.declarationId }),
    owner: 'juror',
    stranger: 404,
  },
  'POST /reviews/competitions/:id/conflicts/confirm': {
    who: ['juror'],
    params: reviewing('competitionId'),
    panel: true,
  },
  'POST /rounds/:id/assignment-runs': { who: ['manager'], params: reviewing('roundId') },
  'GET /rounds/:id/assignment-runs': { who: STAFF, params: reviewing('roundId') },
  'GET /assignment-runs/:id': { who: STAFF, params: reviewing('runId') },
  'GET /rounds/:id/assignments': { who: STAFF, params: reviewing('roundId') },
  'POST /rounds/:id/assignments': { who: ['manager'], params: reviewing('roundId') },
  'POST /assignments/:id/remove': { who: ['manager'], params: reviewing('otherAssignmentId') },
  'POST /assignments/:id/swap': { who: ['manager'], params: reviewing('otherAssignmentId') },
  'PUT /rounds/:id/affinities': { who: ['manager'], params: reviewing('roundId') },
  'GET /reviews/rounds': { who: ['juror'] },
  'GET /reviews/rounds/:id/assignments': { who: ['juror'], params: reviewing('roundId'), panel: true },
  'GET /reviews/assignments/:id': { who: ['juror'], params: reviewing('assignmentId'), owner: 'juror', stranger: 404 },
  'GET /reviews/assignments/:id/attachments/:attachmentId': {
    who: ['juror'],
    params: (w) => ({ id: w.reviewing.assignmentId, attachmentId: w.reviewing.attachmentId }),
    owner: 'juror',
    stranger: 404,
  },
  'PUT /reviews/assignments/:id/scoresheet': {
    who: ['juror'],
    params: reviewing('assignmentId'),
    owner: 'juror',
    stranger: 404,
    strangerBody: scores,
  },
  'POST /reviews/assignments/:id/recuse': {
    who: ['juror'],
    params: reviewing('assignmentId'),
    owner: 'juror',
    stranger: 404,
    strangerBody: { reason: 'Mine now' },
  },
  'GET /rounds/:id/results': { who: OVERSIGHT, params: awarded('roundId') },
  'GET /rounds/:id/results/verify': { who: OVERSIGHT, params: awarded('roundId') },
  'GET /rounds/:id/progress': { who: STAFF, params: reviewing('roundId') },
  'GET /rounds/:id/scoresheets': { who: OVERSIGHT, params: awarded('roundId') },
  'GET /applications/:id/results': {
    who: ['applicant'],
    params: awarded('applicationId'),
    owner: 'applicant',
    stranger: 404,
  },

  'GET /competitions/:id/allocation': { who: OVERSIGHT, params: awarded('competitionId') },
  'GET /public/competitions/:id/allocation': { who: 'public', params: awarded('competitionId') },
  'POST /competitions/:id/awards': { who: ['manager'], params: awarded('competitionId') },
  'GET /competitions/:id/awards': { who: MONEY_READERS, params: awarded('competitionId') },
  'POST /competitions/:id/finalize': { who: ['manager'], params: awarded('competitionId') },
  'GET /awards/mine': { who: ['applicant'] },
  'GET /awards/:id': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'PATCH /awards/:id': { who: ['manager'], params: awarded('proposedAwardId') },
  // Four eyes: whoever proposed an award may not approve it or send it back (AWARD.FOUR_EYES).
  'POST /awards/:id/approve': { who: ['manager'], params: awarded('proposedAwardId'), except: { manager: 403 } },
  'POST /awards/:id/send-back': { who: ['manager'], params: awarded('proposedAwardId') },
  'POST /awards/:id/cancel': { who: ['manager'], params: awarded('proposedAwardId') },
  'POST /awards/:id/accept': { who: ['applicant'], params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'POST /awards/:id/decline': { who: ['applicant'], params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'PUT /awards/:id/tranches': { who: ['manager'], params: awarded('awardId') },
  'POST /awards/:id/files': {
    who: ['applicant'],
    params: awarded('awardId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: 'file',
  },
  'GET /awards/:id/files': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'GET /awards/:id/files/:fileId': {
    who: AWARD_READERS,
    params: (w) => ({ id: w.awarded.awardId, fileId: w.awarded.fileId }),
    owner: 'applicant',
    stranger: 404,
  },
  'POST /tranches/:id/reports': {
    who: ['applicant'],
    params: awarded('reportTrancheId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: report,
  },
  'GET /awards/:id/reports': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'POST /reports/:id/approve': { who: ['manager'], params: awarded('reportId') },
  'POST /reports/:id/return': { who: ['manager'], params: awarded('reportId') },
  'POST /tranches/:id/payments': { who: ['finance'], params: awarded('paidTrancheId') },
  'POST /payments/:id/failure': { who: ['finance'], params: awarded('paymentId') },
  'GET /awards/:id/payments': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'GET /competitions/:id/reports/budget': { who: MONEY_READERS, params: awarded('competitionId') },
  'GET /competitions/:id/reports/by-district': { who: MONEY_READERS, params: awarded('competitionId') },
  'GET /competitions/:id/reports/by-village': { who: MONEY_READERS, params: awarded('competitionId') },
  'GET /competitions/:id/reports/by-goal': { who: MONEY_READERS, params: awarded('competitionId') },

  'GET /public/grants': { who: 'public' },
  'GET /public/grants/summary': { who: 'public' },
  'GET /public/figures': { who: 'public' },
  'GET /public/competitions/:id/360giving': { who: 'public', params: awarded('competitionId') },
};

const SECONDS: Partial<Record<Caller, Role>> = {
  manager2: 'manager',
  juror2: 'juror',
  applicant2: 'applicant',
  outsider: 'juror',
};

/** What one caller should get from one route, from the table alone. */
export function expected(rule: RouteRule, caller: Caller): Outcome {
  const exception = rule.except?.[caller];
  if (exception !== undefined) return exception;
  if (rule.who === 'public') return 'reach';
  if (caller === 'anonymous') return 401;
  const role = SECONDS[caller] ?? (caller as Role);
  if (!rule.who.includes(role)) return 403;
  if (caller === 'outsider' && (rule.panel || rule.owner === 'juror')) return 404;
  if (SECONDS[caller] && rule.owner === role && rule.stranger) return rule.stranger;
  return 'reach';
}
