import { createHmac } from 'node:crypto';

export const GRANT_GROUPS = ['region', 'district', 'village', 'goal'] as const;
export type GrantGroup = (typeof GRANT_GROUPS)[number];

/** One public grant as the open-data pages and exports read it (the applicant id never leaves the service). */
export interface GrantRow {
  id: string;
  competition: { id: string; title: string };
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
  region: { id: string; name: string };
  district: { id: string; name: string };
  village: { id: string; name: string; katoCode: string | null };
  goals: { id: string; code: string; title: string }[];
  payments: { id: string; amount: bigint; paidOn: string }[];
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
 * Grantees are individuals, so what is published is built from structured fields only (sector,
 * village, plan goals), never from the text they wrote: a title such as "Aigerim's bakery" would
 * name them.
 */
export function publicTitle(grant: Pick<GrantRow, 'sector' | 'village'>): string {
  return `${sectorTitle(grant.sector)} start-up grant in ${grant.village.name}`;
}

export function publicDescription(grant: Pick<GrantRow, 'sector' | 'village' | 'district' | 'goals'>): string {
  const goals = grant.goals.map((g) => `${g.code} ${g.title}`).join('; ');
  return (
    `A small grant to a local entrepreneur (${sectorTitle(grant.sector).toLowerCase()}) in ${grant.village.name}, ${grant.district.name}, ` +
    `supporting the village development plan${goals ? `: ${goals}` : ''}.`
  );
}

/** Minor units as a JSON number of major units (tiyn to tenge): exact for every amount below 2^53 tiyn. */
export function majorUnits(minor: bigint): number {
  const value = Number(minor);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${minor} is beyond exact JSON numbers`);
  return value / 100;
}
