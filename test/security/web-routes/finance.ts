import { WebRouteRule, WebWorld } from './rule';

/** Finance officers only; the world's paid signing tranche names the row. */
const financeOfficers = (params?: (w: WebWorld) => Record<string, string>): WebRouteRule => ({
  who: ['finance'],
  params,
});
const paidTranche = financeOfficers((w) => ({ id: w.awarded.paidTrancheId }));
const payment = financeOfficers((w) => ({ id: w.awarded.paymentId }));

/**
 * The finance officers' pages. The world's tranche is paid already, so its form explains that
 * (409); a post with only the token is refused before any change (no one-time key: 400), so the
 * world's payment stays recorded.
 */
export const FINANCE_ROUTES: Record<string, WebRouteRule> = {
  'GET /finance': financeOfficers(),
  'GET /finance/tranches/:id/pay': paidTranche,
  'POST /finance/tranches/:id/pay': paidTranche,
  'GET /finance/payments': financeOfficers(),
  'GET /finance/payments/:id/failure': payment,
  'POST /finance/payments/:id/failure': payment,
};
