import { LocalizedText, pickText } from '../../../common/i18n/localized-text';
import { createHmac } from 'node:crypto';

export const GRANT_GROUPS = ['region', 'district', 'village', 'goal'] as const;
export type GrantGroup = (typeof GRANT_GROUPS)[number];

/** One public grant as the open-data pages and exports read it (the applicant id never leaves the service). */
export interface GrantRow {
  id: string;
  competition: { id: string; title: LocalizedText };
  currency: string;
  status: string;
  applicantId: string;
  sector: string;
  plannedStart: string | null;
  durationMonths: number | null;
  requested: bigint;
  awarded: bigint;
  paid: bigint;
  approvedAt: Date;
  updatedAt: Date;
  region: { id: string; name: LocalizedText };
  district: { id: string; name: LocalizedText };
  village: { id: string; name: LocalizedText; katoCode: string | null };
  goals: { id: string; code: string; title: LocalizedText }[];
  payments: { id: string; amount: bigint; paidOn: string }[];
  /** How far the grant has got (read with every grant; the 360Giving export does not use it). */
  progress?: GrantProgress;
}

export interface GrantProgress {
  tranches: number;
  tranchesPaid: number;
  reportsApproved: number;
  /** As the latest approved milestone report states them; null before any. */
  jobsCreated: number | null;
}

export interface PublicFigures {
  competitions: number;
  openCompetitions: number;
  applicationsSubmitted: number;
  villagesWithGrants: number;
  districtsWithGrants: number;
  money: { currency: string; budget: bigint; grants: number; awarded: bigint; paid: bigint }[];
}

const SECTOR_TITLES: Record<string, string> = {
  agriculture: 'Agriculture',
  tourism: 'Tourism',
  crafts: 'Crafts',
  services: 'Services',
  trade: 'Trade',
  processing: 'Processing',
  other: 'Other business',
};

export const sectorTitle = (sector: string): string => SECTOR_TITLES[sector] ?? sector;

/**
 * A grantee's stable pseudonym in open data: the same person reads as the same `P-…` in every
 * competition and export, and without the server's secret nobody can tell who it is. 64 bits keep
 * collisions out of reach for millions of people.
 */
export function granteePseudonym(secret: string, applicantId: string): string {
  return `P-${createHmac('sha256', secret).update(`grantee:${applicantId}`).digest('hex').slice(0, 16)}`;
}

/**
 * The language of the texts built here and of the 360Giving export: the 360Giving Data Standard
 * (1.4.3) gives each text field one string and has no field that names its language, and its
 * readers (GrantNav and the like) work in English, so staff-written names are taken in English,
 * else Kazakh, else Russian.
 */
export const OPEN_DATA_LANGUAGE = 'en';
export const inOpenDataLanguage = (text: LocalizedText): string => pickText(text, OPEN_DATA_LANGUAGE);

/**
 * Grantees are individuals, so what is published is built from structured fields only (sector,
 * village, plan goals), never from the text they wrote: a title such as "Aigerim's bakery" would
 * name them.
 */
export function publicTitle(grant: Pick<GrantRow, 'sector' | 'village'>): string {
  return `${sectorTitle(grant.sector)} start-up grant in ${inOpenDataLanguage(grant.village.name)}`;
}

export function publicDescription(grant: Pick<GrantRow, 'sector' | 'village' | 'district' | 'goals'>): string {
  const goals = grant.goals.map((g) => `${g.code} ${inOpenDataLanguage(g.title)}`).join('; ');
  return (
    `A small grant to a local entrepreneur (${sectorTitle(grant.sector).toLowerCase()}) in ${inOpenDataLanguage(grant.village.name)}, ${inOpenDataLanguage(grant.district.name)}, ` +
    `supporting the village development plan${goals ? `: ${goals}` : ''}.`
  );
}

/** Minor units as a JSON number of major units (tiyn to tenge): exact for every amount below 2^53 tiyn. */
export function majorUnits(minor: bigint): number {
  const value = Number(minor);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${minor} is beyond exact JSON numbers`);
  return value / 100;
}
