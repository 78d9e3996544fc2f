import { WebRouteRule, WebWorld } from './rule';

const draft = (key: keyof WebWorld['open']) => (w: WebWorld) => ({ id: w.open[key] });
/** One of the applicant's drafts in the open competition: the second applicant is a stranger to it. */
const own = (key: keyof WebWorld['open'] = 'draftId'): WebRouteRule => ({
  who: ['applicant'],
  params: draft(key),
  owner: 'applicant',
  stranger: 404,
});
/**
 * A step a manager may take for an application entered by assisted intake (the domain's
 * canChange): the world's drafts are the applicants' own, so managers are refused (a 404 page, as
 * the web pages answer what a person may not change).
 */
const step = (key: keyof WebWorld['open'] = 'draftId'): WebRouteRule => ({
  ...own(key),
  who: ['applicant', 'manager'],
  except: { manager: 404, manager2: 404 },
});

/**
 * The applicant's own pages: the dashboard, starting a draft, its steps, submitting, withdrawing,
 * deleting a draft. The steps are also the managers' for assisted intake (manager-intake.ts).
 */
export const APPLICANT_ROUTES: Record<string, WebRouteRule> = {
  'GET /applications': { who: ['applicant'] },
  'GET /applications/new': { who: ['applicant'] },
  'POST /applications/new': { who: ['applicant'] },
  'GET /applications/:id': step(),
  'GET /applications/:id/project': step(),
  'POST /applications/:id/project': step(),
  'GET /applications/:id/goals': step(),
  'POST /applications/:id/goals': step(),
  'GET /applications/:id/budget': step(),
  'POST /applications/:id/budget': step(),
  'GET /applications/:id/attachments': step(),
  'POST /applications/:id/attachments': step(),
  'POST /applications/:id/attachments/:attachmentId/remove': {
    ...step(),
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
  },
  'GET /applications/:id/check': step(),
  'POST /applications/:id/submit': step('submitId'),
  'GET /applications/:id/withdraw': own('withdrawId'),
  'POST /applications/:id/withdraw': own('withdrawId'),
  'GET /applications/:id/delete': step('deleteId'),
  'POST /applications/:id/delete': step('deleteId'),
};
