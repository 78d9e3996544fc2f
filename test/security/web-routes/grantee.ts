import { WebRouteRule, WebWorld } from './rule';

/** Only the applicant whose award it is gets through; for the second applicant it does not exist. */
const own = (params: (w: WebWorld) => Record<string, string>): WebRouteRule => ({
  who: ['applicant'],
  owner: 'applicant',
  stranger: 404,
  params,
});
const award = own((w) => ({ id: w.awarded.awardId }));
/** The tranche of the world's award whose milestone report is under review. */
const reportedTranche = own((w) => ({ id: w.awarded.awardId, trancheId: w.awarded.reportTrancheId }));

/**
 * The grantee's pages. The world's award is accepted already, so answering it again reaches the
 * use case and is refused there (409), and the form of its reported tranche refuses an empty
 * report (400): the world stays as it was.
 */
export const GRANTEE_ROUTES: Record<string, WebRouteRule> = {
  'GET /awards/:id': award,
  'POST /awards/:id/accept': award,
  'GET /awards/:id/decline': award,
  'POST /awards/:id/decline': award,
  'GET /awards/:id/tranches/:trancheId/report': reportedTranche,
  'POST /awards/:id/tranches/:trancheId/report': reportedTranche,
};
