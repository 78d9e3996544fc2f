/**
 * The public reads the recomputation uses, as a third party sees them: plain JSON over HTTP, no
 * code of the service. Amounts are integer strings in minor units (tiyn).
 */

export interface Criterion {
  code: string;
  weight: number;
  max: number;
  min?: number;
}

export interface Lottery {
  hash: string;
  message: string;
  encoding: BufferEncoding;
  digest: 'hex';
  order: 'ascending' | 'descending';
}

export type Advancement =
  { kind: 'top'; n: number } | { kind: 'cutoff'; score: number } | { kind: 'budget'; multiple: number };

export interface PublicRound {
  id: string;
  position: number;
  name: string;
  status: string;
  seed: string | null;
  method: {
    criteria: Criterion[];
    priorityCriterion: string;
    quorum: number;
    calibratedDecisive: boolean;
    advancement: Advancement;
    ranking: { order: string[]; lottery: Lottery; description: string };
  };
}

/** Every public list answers one page: `{ items, total, limit, offset }`. */
export interface PublicPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PublicResult {
  applicationId: string;
  reference: string;
  requested: string;
  scoresheets: number;
  means: Record<string, number | null>;
  official: number | null;
  calibrated: number | null;
  gates: { criterion: string; min: number; mean: number | null; passed: boolean }[];
  quorumMet: boolean;
  rank: number | null;
  advanced: boolean;
  reason: string;
}

export interface PublicResults {
  round: PublicRound;
  budget: string;
  calibratedDecides: boolean;
  calibrationBlockedBy: string | null;
  items: PublicResult[];
}

export interface PublicAllocationRow {
  applicationId: string;
  reference: string;
  rank: number | null;
  officialScore: number | null;
  calibratedScore: number | null;
  gatesFailed: string[];
  requested: string;
  districtId: string;
  villageId: string;
  amount: string;
  reason: string;
  awardStatus: string | null;
  holds: string;
}

export interface PublicAllocation {
  competitionId: string;
  roundId: string;
  calibratedDecides: boolean;
  rules: {
    budget: string;
    maxAward: string;
    envelopes: { districtId?: string; villageId?: string; amount: string }[];
    floors: { districtId: string; grants: number }[];
    partialMinShareBp: number | null;
  };
  committed: string;
  remaining: string;
  decisions: PublicAllocationRow[];
}

/** One public read: its HTTP status and JSON body. */
export type PublicGet = (path: string) => Promise<{ status: number; body: unknown }>;

/** Reads from a running service; the base URL is where its API answers (e.g. http://localhost:3000/api). */
export function httpGet(baseUrl: string): PublicGet {
  const base = baseUrl.replace(/\/+$/, '');
  return async (path) => {
    const res = await fetch(`${base}${path}`, { headers: { Accept: 'application/json' } });
    return { status: res.status, body: (await res.json()) as unknown };
  };
}
