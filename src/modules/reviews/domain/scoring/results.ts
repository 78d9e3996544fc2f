import { createHash } from 'node:crypto';
import { calibrate, isConnected, Rating } from './calibration';
import { krippendorffAlphaInterval } from './reliability';
import { Criterion, scoresheetTotal } from './scoresheet';

/**
 * A round's results as a pure function of its frozen scoresheets and its published method
 * (DESIGN.md rule 6, section 5): the same input in any order gives the same output.
 */
export type Advancement = { kind: 'top'; n: number } | { kind: 'cutoff'; score: number } | { kind: 'budget'; multiple: number; budget: bigint };

export interface RoundInput {
  criteria: readonly Criterion[];
  priorityCriterion: string;
  quorum: number;
  /** Scoresheets that count (abstentions and recusals left out by the caller). */
  scoresheets: readonly { application: string; juror: string; scores: Readonly<Record<string, number>> }[];
  applications: readonly { id: string; requestedAmount: bigint }[];
  advancement: Advancement;
  calibratedDecisive: boolean;
  dispute: { spread: number; margin: number; maxShare: number };
  /** Published when the round opened; decides ties that nothing else decides. */
  seed: string;
  /** A juror needs this many scoresheets for the calibrated score to decide (10 by DESIGN.md). */
  minSheetsPerJuror?: number;
}

export type Reason = 'advanced' | 'below_quorum' | 'below_gate' | 'below_line';

export interface ApplicationResult {
  id: string;
  count: number;
  official: number | null;
  calibrated: number | null;
  spread: number | null;
  gatesFailed: string[];
  rank: number | null;
  advanced: boolean;
  reason: Reason;
  disputed: boolean;
}

export interface RoundResults {
  applications: ApplicationResult[];
  alpha: number | null;
  calibratedDecides: boolean;
  /** Why the calibrated score only advises, when it was declared decisive. */
  calibrationBlockedBy: 'not_declared' | 'graph_not_connected' | 'too_few_sheets_per_juror' | null;
  /** Applications on a different side of the line under the official and the calibrated score. */
  crossings: string[];
}

/** Code-point order: the same in every locale, and fast on long lists of ids. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const lot = (seed: string, id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');

export function computeResults(input: RoundInput): RoundResults {
  const sheets = [...input.scoresheets].sort((a, b) => cmp(a.application, b.application) || cmp(a.juror, b.juror));
  const ratings: Rating[] = sheets.map((s) => ({ application: s.application, juror: s.juror, total: scoresheetTotal(input.criteria, s.scores) }));
  const byApplication = new Map<string, Rating[]>();
  for (const r of ratings) (byApplication.get(r.application) ?? byApplication.set(r.application, []).get(r.application)!).push(r);
  const sheetsOf = new Map<string, (typeof sheets)[number][]>();
  for (const s of sheets) (sheetsOf.get(s.application) ?? sheetsOf.set(s.application, []).get(s.application)!).push(s);

  const perJuror = new Map<string, number>();
  for (const r of ratings) perJuror.set(r.juror, (perJuror.get(r.juror) ?? 0) + 1);
  const calibration = ratings.length > 0 ? calibrate(ratings) : null;
  const blockedBy = !input.calibratedDecisive
    ? 'not_declared'
    : !isConnected(ratings)
      ? 'graph_not_connected'
      : [...perJuror.values()].some((c) => c < (input.minSheetsPerJuror ?? 10))
        ? 'too_few_sheets_per_juror'
        : null;

  const rows = [...input.applications]
    .sort((a, b) => cmp(a.id, b.id))
    .map((application) => {
      const rs = byApplication.get(application.id) ?? [];
      const mine = sheetsOf.get(application.id) ?? [];
      const criterionMean = (code: string) => (mine.length ? mean(mine.map((s) => s.scores[code])) : 0);
      const totals = rs.map((r) => r.total);
      return {
        application,
        count: rs.length,
        official: rs.length ? mean(totals) : null,
        calibrated: rs.length && calibration ? (calibration.quality.get(application.id) ?? null) : null,
        spread: rs.length ? Math.max(...totals) - Math.min(...totals) : null,
        gatesFailed: mine.length ? input.criteria.filter((c) => c.min !== undefined && criterionMean(c.code) < c.min).map((c) => c.code) : [],
        priority: criterionMean(input.priorityCriterion),
        lot: lot(input.seed, application.id),
      };
    });

  const rankBy = (score: (r: (typeof rows)[number]) => number | null) =>
    rows
      .filter((r) => r.count >= input.quorum && score(r) !== null)
      .sort((a, b) => score(b)! - score(a)! || b.priority - a.priority || (a.application.requestedAmount < b.application.requestedAmount ? -1 : a.application.requestedAmount > b.application.requestedAmount ? 1 : 0) || cmp(a.lot, b.lot));
  const decisive = blockedBy === null ? (r: (typeof rows)[number]) => r.calibrated : (r: (typeof rows)[number]) => r.official;
  const ranked = rankBy(decisive);
  const advanced = advance(ranked, decisive, input.advancement);
  const lineRank = ranked.filter((r) => advanced.has(r.application.id)).length;

  const rankOf = new Map(ranked.map((r, i) => [r.application.id, i + 1]));
  const candidates = ranked
    .filter((r) => (r.spread ?? 0) > input.dispute.spread && Math.abs(rankOf.get(r.application.id)! - lineRank) <= input.dispute.margin)
    .sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0) || cmp(a.lot, b.lot));
  const disputed = new Set(candidates.slice(0, Math.floor(input.dispute.maxShare * ranked.length)).map((r) => r.application.id));

  let crossings: string[] = [];
  if (calibration) {
    const other = blockedBy === null ? (r: (typeof rows)[number]) => r.official : (r: (typeof rows)[number]) => r.calibrated;
    const otherAdvanced = advance(rankBy(other), other, input.advancement);
    crossings = rows.map((r) => r.application.id).filter((id) => advanced.has(id) !== otherAdvanced.has(id));
  }

  return {
    applications: rows.map((r) => {
      const rank = rankOf.get(r.application.id) ?? null;
      const isAdvanced = advanced.has(r.application.id);
      const reason: Reason = rank === null ? 'below_quorum' : isAdvanced ? 'advanced' : r.gatesFailed.length ? 'below_gate' : 'below_line';
      return {
        id: r.application.id,
        count: r.count,
        official: r.official,
        calibrated: r.calibrated,
        spread: r.spread,
        gatesFailed: r.gatesFailed,
        rank,
        advanced: isAdvanced,
        reason,
        disputed: disputed.has(r.application.id),
      };
    }),
    alpha: krippendorffAlphaInterval([...byApplication.values()].map((rs) => rs.map((r) => r.total))),
    calibratedDecides: blockedBy === null,
    calibrationBlockedBy: blockedBy,
    crossings,
  };
}

/** Who advances, in rank order, skipping gated applications: top N, a cut-off, or a budget multiple. */
function advance<R extends { application: { id: string; requestedAmount: bigint }; gatesFailed: string[] }>(
  ranked: R[],
  score: (r: R) => number | null,
  rule: Advancement,
): Set<string> {
  const out = new Set<string>();
  let requested = 0n;
  for (const r of ranked) {
    if (r.gatesFailed.length) continue;
    if (rule.kind === 'top' && out.size >= rule.n) break;
    if (rule.kind === 'cutoff' && score(r)! < rule.score) break;
    if (rule.kind === 'budget') {
      const limit = (rule.budget * BigInt(Math.round(rule.multiple * 100))) / 100n;
      if (requested + r.application.requestedAmount > limit) break;
      requested += r.application.requestedAmount;
    }
    out.add(r.application.id);
  }
  return out;
}
