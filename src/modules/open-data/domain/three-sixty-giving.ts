import {
  GrantRow,
  granteePseudonym,
  inOpenDataLanguage,
  majorUnits,
  publicDescription,
  publicTitle,
  sectorTitle,
} from './public-grant';

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

/** YYYY-MM-DD plus whole months, the day clamped to the target month (31 January + 1 month = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The planned period: the applicant's planned start (or the award date) for the planned months,
 * ending the day before the same date that many months on. An end past year 9999 is left out
 * rather than written in a form the standard's date pattern refuses.
 */
function plannedDates(grant: GrantRow, timeZone: string) {
  const startDate = grant.plannedStart ?? dayIn(grant.approvedAt, timeZone);
  if (!grant.durationMonths) return [{ startDate }];
  const after = addMonths(startDate, grant.durationMonths);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(after)) return [{ startDate, duration: grant.durationMonths }];
  const end = new Date(`${after}T00:00:00Z`);
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
        name: inOpenDataLanguage(grant.village.name),
        description: [grant.village, grant.district, grant.region].map((p) => inOpenDataLanguage(p.name)).join(', '),
        countryCode: 'KZ',
        ...(grant.village.katoCode ? { geoCode: grant.village.katoCode, geoCodeType: 'KATO' } : {}),
      },
    ],
    fundingOrganization: [{ id: publisher.funderId, name: publisher.funderName }],
    grantProgramme: [
      {
        code: grant.competition.id,
        title: inOpenDataLanguage(grant.competition.title),
        // The competition's public web page (the JSON of it is under /api).
        url: `${publisher.publicUrl}/competitions/${grant.competition.id}`,
      },
    ],
    fromOpenCall: 'Yes',
    classifications: [
      // Every plan numbers its goals G1, G2...: the code is the goal's own id, so goals of different villages never merge.
      ...grant.goals.map((g) => ({
        vocabulary: 'village-development-plan-goal',
        code: g.id,
        title: `${g.code} ${inOpenDataLanguage(g.title)}`,
      })),
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
