import { Language } from '../../common/i18n/language';
import { LocalizedText, pickText } from '../../common/i18n/localized-text';
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

/**
 * One grant as a CSV line: no name, contact or text the grantee wrote, as in the JSON; names in
 * the reader's language (a file has one text per cell), else Kazakh, Russian, English.
 */
export function grantCsvLine(grant: GrantRow, pseudonymSecret: string, lang: Language): string {
  const text = (value: LocalizedText) => pickText(value, lang);
  return csvLine([
    grant.id,
    granteePseudonym(pseudonymSecret, grant.applicantId),
    grant.competition.id,
    text(grant.competition.title),
    grant.status,
    sectorTitle(grant.sector),
    text(grant.region.name),
    text(grant.district.name),
    text(grant.village.name),
    grant.village.katoCode,
    grant.goals.map((g) => `${g.code} ${text(g.title)}`).join('; '),
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
