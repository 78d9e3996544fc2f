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
  'GET /api/health': { who: 'public' },
  'GET /api/me': { who: EVERYONE },
  'GET /api/me/tasks': { who: ['manager', 'juror', 'finance'] },
  'PATCH /api/me': { who: EVERYONE },
  'POST /api/me/password': { who: EVERYONE },
  'POST /api/auth/register': { who: 'public' },
  'POST /api/applicants': { who: ['manager'] },
  'POST /api/auth/login': { who: 'public' },
  'POST /api/auth/refresh': { who: 'public' },
  'POST /api/auth/logout': { who: 'public' },
  'POST /api/auth/confirm-email': { who: 'public' },
  'POST /api/auth/confirm-email/resend': { who: EVERYONE },
  'POST /api/auth/password-reset/request': { who: 'public' },
  'POST /api/auth/password-reset': { who: 'public' },

  'POST /api/users': { who: ['admin'] },
  'POST /api/users/invitations': { who: ['admin'] },
  'GET /api/users': { who: ['admin'] },
  'GET /api/users/:id': { who: ['admin'], params: c((w) => w.targetUserId) },
  'PATCH /api/users/:id': { who: ['admin'], params: c((w) => w.targetUserId) },
  'GET /api/notifications': { who: ['admin'] },
  'POST /api/notifications/retry-failed': { who: ['admin'] },
  'POST /api/notifications/:id/retry': { who: ['admin'], params: c((w) => w.notificationId) },
  'GET /api/audit-events': { who: ['admin', 'observer'] },
  'GET /api/audit-events/verify': { who: ['admin', 'observer'] },

  'GET /api/regions': { who: 'public' },
  'GET /api/districts': { who: 'public' },
  'GET /api/villages': { who: 'public' },
  'GET /api/villages/:id': { who: 'public', params: place('villageId') },
  'POST /api/regions': { who: ['admin'] },
  'PATCH /api/regions/:id': { who: ['admin'], params: place('spareRegionId') },
  'DELETE /api/regions/:id': { who: ['admin'], params: place('spareRegionId') },
  'POST /api/districts': { who: ['admin'] },
  'PATCH /api/districts/:id': { who: ['admin'], params: place('spareDistrictId') },
  'DELETE /api/districts/:id': { who: ['admin'], params: place('spareDistrictId') },
  'POST /api/villages': { who: ['admin'] },
  'PATCH /api/villages/:id': { who: ['admin'], params: place('spareVillageId') },
  'DELETE /api/villages/:id': { who: ['admin'], params: place('spareVillageId') },
  'GET /api/plans': { who: 'public' },
  'GET /api/plans/:id': { who: 'public', params: place('planId') },
  'GET /api/villages/:id/plan': { who: 'public', params: place('villageId') },
  'POST /api/plans': { who: ['admin'] },
  'PATCH /api/plans/:id': { who: ['admin'], params: place('draftPlanId') },
  'POST /api/plans/:id/adopt': { who: ['admin'], params: place('planId') },
  'POST /api/plans/:id/archive': { who: ['admin'], params: place('draftPlanId') },

  'GET /api/public/competitions': { who: 'public' },
  'GET /api/public/competitions/:id': { who: 'public', params: open('competitionId') },
  'GET /api/competitions': { who: OVERSIGHT },
  'GET /api/competitions/:id': { who: OVERSIGHT, params: open('competitionId') },
  'POST /api/competitions': { who: ['manager'] },
  'PATCH /api/competitions/:id': { who: ['manager'], params: open('competitionId') },
  'POST /api/competitions/:id/open': { who: ['manager'], params: open('competitionId') },
  'POST /api/competitions/:id/close': { who: ['manager'], params: reviewing('competitionId') },

  'POST /api/competitions/:id/applications': { who: ['applicant'], params: open('competitionId') },
  'POST /api/competitions/:id/applications/assisted': { who: ['manager'], params: open('competitionId') },
  'GET /api/applications/mine': { who: ['applicant'] },
  'GET /api/applications/:id': {
    who: ['applicant', ...STAFF],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
  },
  'GET /api/applications/:id/history': {
    who: ['applicant', ...STAFF],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
  },
  'PATCH /api/applications/:id': {
    who: ['applicant', 'manager'],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: { title: 'Mine now' },
    except: notAssisted,
  },
  'DELETE /api/applications/:id': {
    who: ['applicant', 'manager'],
    params: open('deleteId'),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },
  'POST /api/applications/:id/submit': {
    who: ['applicant', 'manager'],
    params: open('submitId'),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },
  'POST /api/applications/:id/return': { who: ['manager'], params: open('submitId') },
  'GET /api/applications/:id/versions': {
    who: ['applicant', ...STAFF],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
  },
  'POST /api/applications/:id/withdraw': {
    who: ['applicant', 'manager'],
    params: open('withdrawId'),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },
  'GET /api/competitions/:id/applications': { who: STAFF, params: open('competitionId') },
  'GET /api/competitions/:id/applications/export.csv': { who: STAFF, params: open('competitionId') },
  'GET /api/competitions/:id/applications/summary': { who: OVERSIGHT, params: open('competitionId') },
  'POST /api/applications/:id/screening': { who: ['manager'], params: open('submitId') },
  'POST /api/competitions/:id/screening': { who: ['manager'], params: open('competitionId') },

  'POST /api/applications/:id/attachments': {
    who: ['applicant', 'manager'],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: 'file',
  },
  'GET /api/applications/:id/attachments': {
    who: ['applicant', ...STAFF],
    params: open('draftId'),
    owner: 'applicant',
    stranger: 404,
  },
  'GET /api/applications/:id/attachments/:attachmentId': {
    who: ['applicant', ...STAFF],
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
    owner: 'applicant',
    stranger: 404,
  },
  'PATCH /api/applications/:id/attachments/:attachmentId': {
    who: ['manager'],
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
  },
  'DELETE /api/applications/:id/attachments/:attachmentId': {
    who: ['applicant', 'manager'],
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
    owner: 'applicant',
    stranger: 404,
    except: notAssisted,
  },

  'POST /api/competitions/:id/rounds': { who: ['manager'], params: reviewing('competitionId') },
  'GET /api/competitions/:id/rounds': { who: OVERSIGHT, params: reviewing('competitionId') },
  'GET /api/public/competitions/:id/rounds': { who: 'public', params: reviewing('competitionId') },
  'GET /api/public/rounds/:id': { who: 'public', params: reviewing('roundId') },
  'GET /api/public/rounds/:id/results': { who: 'public', params: awarded('roundId') },
  'GET /api/rounds/:id': { who: OVERSIGHT, params: reviewing('roundId') },
  'PATCH /api/rounds/:id': { who: ['manager'], params: reviewing('roundId') },
  'POST /api/rounds/:id/open': { who: ['manager'], params: reviewing('roundId') },
  'POST /api/rounds/:id/close': { who: ['manager'], params: awarded('roundId') },
  'POST /api/rounds/:id/finalize': { who: ['manager'], params: awarded('roundId') },
  'POST /api/competitions/:id/jurors': { who: ['manager'], params: reviewing('competitionId') },
  'GET /api/competitions/:id/jurors': { who: STAFF, params: reviewing('competitionId') },
  'GET /api/competitions/:id/conflicts': { who: OVERSIGHT, params: reviewing('competitionId') },
  'DELETE /api/competitions/:id/jurors/:userId': {
    who: ['manager'],
    params: (w) => ({ id: w.reviewing.competitionId, userId: w.users.juror.user.id }),
  },
  'GET /api/reviews/competitions': { who: ['juror'] },
  'GET /api/reviews/competitions/:id/applicants': { who: ['juror'], params: reviewing('competitionId'), panel: true },
  'GET /api/reviews/competitions/:id/conflicts': { who: ['juror'], params: reviewing('competitionId'), panel: true },
  'POST /api/reviews/competitions/:id/conflicts': {
    who: ['juror'],
    params: reviewing('competitionId'),
    panel: true,
    strangerBody: (w) => ({ villageId: w.places.villageId, kind: 'other' }),
  },
  'DELETE /api/reviews/competitions/:id/conflicts/:declarationId': {
    who: ['juror'],
    params: (w) => ({ id: w.reviewing.competitionId, declarationId: w.reviewing.declarationId }),
    owner: 'juror',
    stranger: 404,
  },
  'POST /api/reviews/competitions/:id/conflicts/confirm': {
    who: ['juror'],
    params: reviewing('competitionId'),
    panel: true,
  },
  'POST /api/rounds/:id/assignment-runs': { who: ['manager'], params: reviewing('roundId') },
  'GET /api/rounds/:id/assignment-runs': { who: STAFF, params: reviewing('roundId') },
  'GET /api/assignment-runs/:id': { who: STAFF, params: reviewing('runId') },
  'GET /api/rounds/:id/assignments': { who: STAFF, params: reviewing('roundId') },
  'POST /api/rounds/:id/assignments': { who: ['manager'], params: reviewing('roundId') },
  'POST /api/assignments/:id/remove': { who: ['manager'], params: reviewing('otherAssignmentId') },
  'POST /api/assignments/:id/swap': { who: ['manager'], params: reviewing('otherAssignmentId') },
  'PUT /api/rounds/:id/affinities': { who: ['manager'], params: reviewing('roundId') },
  'GET /api/reviews/rounds': { who: ['juror'] },
  'GET /api/reviews/rounds/:id/assignments': { who: ['juror'], params: reviewing('roundId'), panel: true },
  'GET /api/reviews/rounds/:id/offline-form': { who: ['juror'], params: reviewing('roundId'), panel: true },
  'POST /api/reviews/rounds/:id/offline-form': { who: ['juror'], params: reviewing('roundId'), panel: true },
  'GET /api/reviews/assignments/:id': {
    who: ['juror'],
    params: reviewing('assignmentId'),
    owner: 'juror',
    stranger: 404,
  },
  'GET /api/reviews/assignments/:id/attachments/:attachmentId': {
    who: ['juror'],
    params: (w) => ({ id: w.reviewing.assignmentId, attachmentId: w.reviewing.attachmentId }),
    owner: 'juror',
    stranger: 404,
  },
  'PUT /api/reviews/assignments/:id/scoresheet': {
    who: ['juror'],
    params: reviewing('assignmentId'),
    owner: 'juror',
    stranger: 404,
    strangerBody: scores,
  },
  'POST /api/reviews/assignments/:id/recuse': {
    who: ['juror'],
    params: reviewing('assignmentId'),
    owner: 'juror',
    stranger: 404,
    strangerBody: { reason: 'Mine now' },
  },
  'GET /api/rounds/:id/results': { who: OVERSIGHT, params: awarded('roundId') },
  'GET /api/rounds/:id/results/verify': { who: OVERSIGHT, params: awarded('roundId') },
  'GET /api/rounds/:id/progress': { who: STAFF, params: reviewing('roundId') },
  'GET /api/rounds/:id/scoresheets': { who: OVERSIGHT, params: awarded('roundId') },
  'GET /api/applications/:id/results': {
    who: ['applicant'],
    params: awarded('applicationId'),
    owner: 'applicant',
    stranger: 404,
  },

  'GET /api/competitions/:id/allocation': { who: OVERSIGHT, params: awarded('competitionId') },
  'GET /api/public/competitions/:id/allocation': { who: 'public', params: awarded('competitionId') },
  'POST /api/competitions/:id/awards': { who: ['manager'], params: awarded('competitionId') },
  'GET /api/competitions/:id/awards': { who: MONEY_READERS, params: awarded('competitionId') },
  'POST /api/competitions/:id/finalize': { who: ['manager'], params: awarded('competitionId') },
  'GET /api/awards/mine': { who: ['applicant'] },
  'GET /api/awards/:id': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'PATCH /api/awards/:id': { who: ['manager'], params: awarded('proposedAwardId') },
  // Four eyes: whoever proposed an award may not approve it or send it back (AWARD.FOUR_EYES).
  'POST /api/awards/:id/approve': { who: ['manager'], params: awarded('proposedAwardId'), except: { manager: 403 } },
  'POST /api/awards/:id/send-back': { who: ['manager'], params: awarded('proposedAwardId') },
  'POST /api/awards/:id/cancel': { who: ['manager'], params: awarded('proposedAwardId') },
  'POST /api/awards/:id/accept': { who: ['applicant'], params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'POST /api/awards/:id/decline': { who: ['applicant'], params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'PUT /api/awards/:id/tranches': { who: ['manager'], params: awarded('awardId') },
  'POST /api/awards/:id/files': {
    who: ['applicant'],
    params: awarded('awardId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: 'file',
  },
  'GET /api/awards/:id/files': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'GET /api/awards/:id/files/:fileId': {
    who: AWARD_READERS,
    params: (w) => ({ id: w.awarded.awardId, fileId: w.awarded.fileId }),
    owner: 'applicant',
    stranger: 404,
  },
  'POST /api/tranches/:id/reports': {
    who: ['applicant'],
    params: awarded('reportTrancheId'),
    owner: 'applicant',
    stranger: 404,
    strangerBody: report,
  },
  'GET /api/awards/:id/reports': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'POST /api/reports/:id/approve': { who: ['manager'], params: awarded('reportId') },
  'POST /api/reports/:id/return': { who: ['manager'], params: awarded('reportId') },
  'POST /api/tranches/:id/payments': { who: ['finance'], params: awarded('paidTrancheId') },
  'POST /api/payments/:id/failure': { who: ['finance'], params: awarded('paymentId') },
  'GET /api/awards/:id/payments': { who: AWARD_READERS, params: awarded('awardId'), owner: 'applicant', stranger: 404 },
  'GET /api/competitions/:id/reports/budget': { who: MONEY_READERS, params: awarded('competitionId') },
  'GET /api/competitions/:id/reports/by-district': { who: MONEY_READERS, params: awarded('competitionId') },
  'GET /api/competitions/:id/reports/by-village': { who: MONEY_READERS, params: awarded('competitionId') },
  'GET /api/competitions/:id/reports/by-goal': { who: MONEY_READERS, params: awarded('competitionId') },

  'GET /api/public/grants': { who: 'public' },
  'GET /api/public/grants/summary': { who: 'public' },
  'GET /api/public/grants.csv': { who: 'public' },
  'GET /api/public/figures': { who: 'public' },
  'GET /api/public/competitions/:id/360giving': { who: 'public', params: awarded('competitionId') },
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
