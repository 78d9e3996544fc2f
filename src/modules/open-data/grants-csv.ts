import { csvLine } from '../applications/domain/csv';
import { tengeDecimal } from '../../common/money/tenge';
import { GrantRow, granteePseudonym, sectorTitle } from './domain/public-grant';

/** The columns of the public grants CSV: what the JSON list gives, amounts in tenge. */
export const GRANTS_CSV_HEADER = [
  'id',
  'recipient',
  'competition_id',
  'competition',
  'status',
  'sector',
  'region',
  'district',
  'village',
  'village_kato',
  'plan_goals',
  'currency',
  'amount_awarded',
  'amount_disbursed',
  'tranches',
  'tranches_paid',
  'reports_approved',
  'jobs_created',
  'awarded_at',
];

/** One grant as a CSV line: no name, contact or text the grantee wrote, as in the JSON. */
export function grantCsvLine(grant: GrantRow, pseudonymSecret: string): string {
  return csvLine([
    grant.id,
    granteePseudonym(pseudonymSecret, grant.applicantId),
    grant.competition.id,
    grant.competition.title,
    grant.status,
    sectorTitle(grant.sector),
    grant.region.name,
    grant.district.name,
    grant.village.name,
    grant.village.katoCode,
    grant.goals.map((g) => `${g.code} ${g.title}`).join('; '),
    grant.currency,
    tengeDecimal(grant.awarded),
    tengeDecimal(grant.paid),
    grant.progress?.tranches,
    grant.progress?.tranchesPaid,
    grant.progress?.reportsApproved,
    grant.progress?.jobsCreated,
    grant.approvedAt.toISOString(),
  ]);
}
