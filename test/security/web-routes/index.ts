import { ACCOUNT_ROUTES } from './account';
import { ADMIN_ROUTES } from './admin';
import { ADMIN_PLACES_ROUTES } from './admin-places';
import { ADMIN_PLANS_ROUTES } from './admin-plans';
import { APPLICANT_ROUTES } from './applicant';
import { FINANCE_ROUTES } from './finance';
import { FOUNDATION_ROUTES } from './foundation';
import { GRANTEE_ROUTES } from './grantee';
import { MANAGER_RETURNS_ROUTES } from './manager-returns';
import { JUROR_ROUTES } from './juror';
import { MANAGER_AWARDS_ROUTES } from './manager-awards';
import { MANAGER_ROUNDS_ROUTES } from './manager-rounds';
import { MANAGER_APPLICATIONS_ROUTES } from './manager-applications';
import { MANAGER_COMPETITIONS_ROUTES } from './manager-competitions';
import { MANAGER_INTAKE_ROUTES } from './manager-intake';
import { OBSERVER_ROUTES } from './observer';
import { PUBLIC_SITE_ROUTES } from './public-site';
import { WebRouteRule } from './rule';

/** Every web route with who may open it, one file per area. A route missing here fails the web matrix. */
export const WEB_ROUTE_TABLE: Record<string, WebRouteRule> = {
  ...FOUNDATION_ROUTES,
  ...GRANTEE_ROUTES,
  ...ACCOUNT_ROUTES,
  ...PUBLIC_SITE_ROUTES,
  ...APPLICANT_ROUTES,
  ...MANAGER_RETURNS_ROUTES,
  ...JUROR_ROUTES,
  ...MANAGER_AWARDS_ROUTES,
  ...MANAGER_ROUNDS_ROUTES,
  ...MANAGER_APPLICATIONS_ROUTES,
  ...MANAGER_COMPETITIONS_ROUTES,
  ...MANAGER_INTAKE_ROUTES,
  ...FINANCE_ROUTES,
  ...OBSERVER_ROUTES,
  ...ADMIN_ROUTES,
  ...ADMIN_PLACES_ROUTES,
  ...ADMIN_PLANS_ROUTES,
};
