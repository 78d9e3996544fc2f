import { WebRouteRule, WebWorld } from './rule';

const draft = (key: keyof WebWorld['open']) => (w: WebWorld) => ({ id: w.open[key] });
/** One of the applicant's drafts in the open competition: the second applicant is a stranger to it. */
const own = (key: keyof WebWorld['open'] = 'draftId'): WebRouteRule => ({
  who: ['applicant'],
  params: draft(key),
  owner: 'applicant',
  stranger: 404,
});

/** The applicant's own pages: the dashboard, starting a draft, its steps, submitting, withdrawing, deleting a draft. */
export const APPLICANT_ROUTES: Record<string, WebRouteRule> = {
  'GET /applications': { who: ['applicant'] },
  'GET /applications/new': { who: ['applicant'] },
  'POST /applications/new': { who: ['applicant'] },
  'GET /applications/:id': own(),
  'GET /applications/:id/project': own(),
  'POST /applications/:id/project': own(),
  'GET /applications/:id/goals': own(),
  'POST /applications/:id/goals': own(),
  'GET /applications/:id/budget': own(),
  'POST /applications/:id/budget': own(),
  'GET /applications/:id/attachments': own(),
  'POST /applications/:id/attachments': own(),
  'POST /applications/:id/attachments/:attachmentId/remove': {
    ...own(),
    params: (w) => ({ id: w.open.draftId, attachmentId: w.open.attachmentId }),
  },
  'GET /applications/:id/check': own(),
  'POST /applications/:id/submit': own('submitId'),
  'GET /applications/:id/withdraw': own('withdrawId'),
  'POST /applications/:id/withdraw': own('withdrawId'),
  'GET /applications/:id/delete': own('deleteId'),
  'POST /applications/:id/delete': own('deleteId'),
};
