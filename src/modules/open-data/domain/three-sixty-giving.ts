import { GrantRow, granteePseudonym, majorUnits, publicDescription, publicTitle, sectorTitle } from './public-grant';

/** Who publishes: the 360Giving identifier prefix of the grant ids and the funding organisation. */
export interface Publisher {
  grantIdPrefix: string;
  funderId: string;
  funderName: string;
  pseudonymSecret: string;
  publicUrl: string;
  /** Calendar days (award dates) are read in the programme's time zone. */
  timeZone: string;
}

export const THREE_SIXTY_GIVING_VERSION = '1.4.3';

const day = (at: Date) => at.toISOString().slice(0, 10);
const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** YYYY-MM-DD in the zone; formatters are costly to build, so one per zone is kept. */
function dayIn(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** The planned period: the applicant's planned start (or the award date) for the planned months. */
function plannedDates(grant: GrantRow, timeZone: string) {
  const startDate = grant.plannedStart ?? dayIn(grant.approvedAt, timeZone);
  if (!grant.durationMonths) return [{ startDate }];
  const end = new Date(`${startDate}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + grant.durationMonths);
  end.setUTCDate(end.getUTCDate() - 1);
  return [{ startDate, endDate: day(end), duration: grant.durationMonths }];
}

/**
 * One grant in the 360Giving Data Standard 1.4.3 (a grant object of the `grants` package). Amounts
 * are major units (tenge), as the standard expects; grants go to individuals, so the recipient is a
 * pseudonym named "Individual Recipient" and the location is the village, never an address.
 */
export function toThreeSixtyGiving(grant: GrantRow, publisher: Publisher) {
  const recipientId = `${publisher.grantIdPrefix}-IND-${granteePseudonym(publisher.pseudonymSecret, grant.applicantId)}`;
  return {
    id: `${publisher.grantIdPrefix}-${grant.id}`,
    title: publicTitle(grant),
    description: publicDescription(grant),
    currency: grant.currency,
    amountAppliedFor: majorUnits(grant.requested),
    amountAwarded: majorUnits(grant.awarded),
    amountDisbursed: majorUnits(grant.paid),
    awardDate: dayIn(grant.approvedAt, publisher.timeZone),
    plannedDates: plannedDates(grant, publisher.timeZone),
    recipientIndividual: { id: recipientId, name: 'Individual Recipient' },
    beneficiaryLocation: [
      {
        id: grant.village.id,
        name: grant.village.name,
        description: `${grant.village.name}, ${grant.district.name}, ${grant.region.name}`,
        countryCode: 'KZ',
        ...(grant.village.katoCode ? { geoCode: grant.village.katoCode, geoCodeType: 'KATO' } : {}),
      },
    ],
    fundingOrganization: [{ id: publisher.funderId, name: publisher.funderName }],
    grantProgramme: [{ code: grant.competition.id, title: grant.competition.title, url: `${publisher.publicUrl}/public/competitions/${grant.competition.id}` }],
    fromOpenCall: 'Yes',
    classifications: [
      ...grant.goals.map((g) => ({ vocabulary: 'village-development-plan-goal', code: g.code, title: g.title })),
      { vocabulary: 'startup-business-sector', code: grant.sector, title: sectorTitle(grant.sector) },
    ],
    disbursementTransaction: grant.payments.map((p) => ({
      id: `${publisher.grantIdPrefix}-payment-${p.id}`,
      transactionDate: p.paidOn,
      currency: grant.currency,
      value: majorUnits(p.amount),
    })),
    dateModified: grant.updatedAt.toISOString(),
  };
}

export type ThreeSixtyGivingGrant = ReturnType<typeof toThreeSixtyGiving>;
