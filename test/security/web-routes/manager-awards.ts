import { WebRouteRule, WebWorld } from './rule';

/** Managers only; the world's `awarded` competition, its awards and its milestone report name the rows. */
const managers = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({ who: ['manager'], params });
const competition = managers((w) => ({ id: w.awarded.competitionId }));
const award = managers((w) => ({ id: w.awarded.awardId }));
const proposal = managers((w) => ({ id: w.awarded.proposedAwardId }));
const report = managers((w) => ({ id: w.awarded.reportId }));

/**
 * The managers' allocation and award pages. A form sent with only its token is refused before any
 * change (no one-time key, no amounts, no comment or reason: 400), except approving the world's
 * milestone report, which needs no field; these rows run after the grantee's, which read that
 * report's tranche.
 */
export const MANAGER_AWARDS_ROUTES: Record<string, WebRouteRule> = {
  'GET /manage/competitions/:id/awards': competition,
  'POST /manage/competitions/:id/awards': competition,
  'GET /manage/approvals': managers(),
  'POST /manage/awards/:id/approve': proposal,
  'POST /manage/awards/:id/send-back': proposal,
  'GET /manage/awards/:id': award,
  'POST /manage/awards/:id/tranches': award,
  'POST /manage/awards/:id/cancel': award,
  'GET /manage/reports': managers(),
  'GET /manage/reports/:id': report,
  'POST /manage/reports/:id/approve': report,
  'POST /manage/reports/:id/return': report,
  'GET /manage/reports/:id/files/:fileId': managers((w) => ({ id: w.awarded.reportId, fileId: w.awarded.fileId })),
};
