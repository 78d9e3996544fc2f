import { calibrate, isConnected, Rating } from './calibration';
import { lotteryTicket } from './ranking-method';
import { krippendorffAlphaInterval } from './reliability';
import { Criterion, rubricScale, scoresheetPoints, scoresheetTotal } from './scoresheet';

/**
 * A round's results as a pure function of its frozen scoresheets and its published method
 * (DESIGN.md rule 6, section 5): the same input in any order gives the same output.
 */
export type Advancement =
  { kind: 'top'; n: number } | { kind: 'cutoff'; score: number } | { kind: 'budget'; multiple: number; budget: bigint };

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
  /** Each counted scoresheet's total, by juror, in juror order. */
  totals: { jurorId: string; total: number }[];
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
  /** Each juror's offset in the additive model (positive: scores above the panel), by juror id in id order. */
  jurorOffsets: Record<string, number>;
  calibratedDecides: boolean;
  /** Why the calibrated score only advises, when it was declared decisive. */
  calibrationBlockedBy: 'not_declared' | 'graph_not_connected' | 'too_few_sheets_per_juror' | null;
  /** Applications on a different side of the line under the official and the calibrated score. */
  crossings: string[];
}

/** Code-point order: the same in every locale, and fast on long lists of ids. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Floats (the calibrated score, thresholds) compare at 1e-9 points: noise below that is not a difference. */
const quantize = (x: number) => Math.round(x * 1e9) / 1e9;
/** a/b against c/d for non-negative integers and positive counts, exactly. */
const compareRatio = (a: bigint, b: number, c: bigint, d: number) => {
  const left = a * BigInt(d);
  const right = c * BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

export function computeResults(input: RoundInput): RoundResults {
  const sheets = [...input.scoresheets].sort((a, b) => cmp(a.application, b.application) || cmp(a.juror, b.juror));
  const ratings: Rating[] = sheets.map((s) => ({
    application: s.application,
    juror: s.juror,
    total: scoresheetTotal(input.criteria, s.scores),
  }));
  const byApplication = new Map<string, Rating[]>();
  for (const r of ratings)
    (byApplication.get(r.application) ?? byApplication.set(r.application, []).get(r.application)!).push(r);
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

  const { lcm } = rubricScale(input.criteria);
  const rows = [...input.applications]
    .sort((a, b) => cmp(a.id, b.id))
    .map((application) => {
      const rs = byApplication.get(application.id) ?? [];
      const mine = sheetsOf.get(application.id) ?? [];
      const criterionSum = (code: string) => mine.reduce((sum, s) => sum + s.scores[code], 0);
      const totals = rs.map((r) => r.total);
      const points = mine.map((s) => scoresheetPoints(input.criteria, lcm, s.scores));
      const most = points.reduce((m, p) => (p > m ? p : m), 0n);
      const least = points.reduce((m, p) => (p < m ? p : m), most);
      return {
        application,
        count: rs.length,
        points: points.reduce((a, b) => a + b, 0n),
        spreadPoints: most - least,
        official: rs.length ? mean(totals) : null,
        calibrated: rs.length && calibration ? (calibration.quality.get(application.id) ?? null) : null,
        spread: rs.length ? Math.max(...totals) - Math.min(...totals) : null,
        gatesFailed: mine.length
          ? input.criteria
              .filter((c) => c.min !== undefined && quantize(criterionSum(c.code) / mine.length) < c.min)
              .map((c) => c.code)
          : [],
        prioritySum: BigInt(criterionSum(input.priorityCriterion)),
        lot: lotteryTicket(input.seed, application.id),
      };
    });

  type Row = (typeof rows)[number];
  // Higher first: the official score exactly (integer points over sheets), the calibrated one at 1e-9.
  const byOfficial = (a: Row, b: Row) => compareRatio(b.points, b.count, a.points, a.count);
  const byCalibrated = (a: Row, b: Row) => quantize(b.calibrated!) - quantize(a.calibrated!);
  const rankBy = (score: (r: Row) => number | null) => {
    const primary = score === officialOf ? byOfficial : byCalibrated;
    return rows
      .filter((r) => r.count >= input.quorum && score(r) !== null)
      .sort(
        (a, b) =>
          primary(a, b) ||
          compareRatio(b.prioritySum, b.count, a.prioritySum, a.count) ||
          (a.application.requestedAmount < b.application.requestedAmount
            ? -1
            : a.application.requestedAmount > b.application.requestedAmount
              ? 1
              : 0) ||
          cmp(a.lot, b.lot),
      );
  };
  const officialOf = (r: Row) => r.official;
  const calibratedOf = (r: Row) => r.calibrated;
  const decisive = blockedBy === null ? calibratedOf : officialOf;
  const ranked = rankBy(decisive);
  const advanced = advance(ranked, decisive, input.advancement);
  const rankOf = new Map(ranked.map((r, i) => [r.application.id, i + 1]));
  // The funding line falls after the last application that advanced (gated ones above it do not move it).
  const lineRank = ranked.reduce((line, r, i) => (advanced.has(r.application.id) ? i + 1 : line), 0);
  const candidates = ranked
    .filter((r) => r.gatesFailed.length === 0)
    .filter(
      (r) =>
        quantize(r.spread ?? 0) > input.dispute.spread &&
        Math.abs(rankOf.get(r.application.id)! - lineRank) <= input.dispute.margin,
    )
    .sort(
      (a, b) => (b.spreadPoints > a.spreadPoints ? 1 : b.spreadPoints < a.spreadPoints ? -1 : 0) || cmp(a.lot, b.lot),
    );
  const disputed = new Set(
    candidates.slice(0, Math.floor(input.dispute.maxShare * ranked.length)).map((r) => r.application.id),
  );

  let crossings: string[] = [];
  if (calibration) {
    const other = blockedBy === null ? officialOf : calibratedOf;
    const otherAdvanced = advance(rankBy(other), other, input.advancement);
    crossings = rows.map((r) => r.application.id).filter((id) => advanced.has(id) !== otherAdvanced.has(id));
  }

  return {
    applications: rows.map((r) => {
      const rank = rankOf.get(r.application.id) ?? null;
      const isAdvanced = advanced.has(r.application.id);
      const reason: Reason =
        rank === null ? 'below_quorum' : isAdvanced ? 'advanced' : r.gatesFailed.length ? 'below_gate' : 'below_line';
      return {
        id: r.application.id,
        count: r.count,
        totals: (byApplication.get(r.application.id) ?? []).map((x) => ({ jurorId: x.juror, total: x.total })),
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
    jurorOffsets: calibration ? Object.fromEntries([...calibration.offset].sort(([a], [b]) => cmp(a, b))) : {},
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
    if (rule.kind === 'cutoff' && quantize(score(r)!) < rule.score) break;
    if (rule.kind === 'budget') {
      const limit = (rule.budget * BigInt(Math.round(rule.multiple * 100))) / 100n;
      if (requested + r.application.requestedAmount > limit) break;
      requested += r.application.requestedAmount;
    }
    out.add(r.application.id);
  }
  return out;
}
