import { createHash } from 'node:crypto';
import { Advancement, Criterion, Lottery, PublicResult, PublicResults } from './public-data';

/**
 * A round's ranking recomputed from its public results and published method alone (the method's
 * `ranking` words): official score from the per-criterion means and the weights, quorum, gates,
 * the tie-breaks with the lottery, and who advances. Returns what differs from what was published.
 */

export interface Recomputed {
  applicationId: string;
  count: number;
  /** Integer score sums per criterion: each mean × count. */
  sums: Map<string, number>;
  official: number | null;
  gatesFailed: string[];
  rank: number | null;
  advanced: boolean;
  reason: string;
}

/** Rounding to 9 decimals, as the method says floats compare. */
export const quantize = (x: number) => Math.round(x * 1e9) / 1e9;
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
/** a/b against c/d exactly (b, d > 0). */
const compareRatio = (a: bigint, b: number, c: bigint, d: number) => {
  const left = a * BigInt(d);
  const right = c * BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

/** The ticket as the published lottery states it: the hash of the message made of the seed and the id. */
export function ticket(lottery: Lottery, seed: string, applicationId: string): string {
  const message = lottery.message.split('{seed}').join(seed).split('{applicationId}').join(applicationId);
  return createHash(lottery.hash).update(message, lottery.encoding).digest(lottery.digest);
}

export function recomputeRanking(published: PublicResults): { rows: Recomputed[]; problems: string[] } {
  const { method, seed } = published.round;
  const problems: string[] = [];
  const criteria: Criterion[] = method.criteria;
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  const lcm = criteria.reduce((l, c) => (l * BigInt(c.max)) / gcd(l, BigInt(c.max)), 1n);
  const calibratedDecides = published.calibratedDecides;
  if (calibratedDecides && !method.calibratedDecisive)
    problems.push('calibratedDecides is set although the method did not declare the calibrated score decisive');

  const rows = published.items.map((item) => {
    const count = item.scoresheets;
    const sums = new Map<string, number>();
    for (const c of criteria) {
      const mean = item.means[c.code];
      const sum = count > 0 && mean !== null && mean !== undefined ? Math.round(mean * count) : 0;
      if (count > 0 && (mean === null || mean === undefined || Math.abs(mean * count - sum) > 1e-6))
        problems.push(`${item.reference}: the mean on ${c.code} is not a whole score sum over ${count} scoresheets`);
      sums.set(c.code, sum);
    }
    const points = criteria.reduce(
      (p, c) => p + BigInt(c.weight) * BigInt(sums.get(c.code)!) * (lcm / BigInt(c.max)),
      0n,
    );
    const official = count
      ? (100 * criteria.reduce((s, c) => s + (c.weight * sums.get(c.code)!) / count / c.max, 0)) / weights
      : null;
    const gatesFailed = count
      ? criteria.filter((c) => c.min !== undefined && quantize(sums.get(c.code)! / count) < c.min).map((c) => c.code)
      : [];
    const decisive = calibratedDecides ? item.calibrated : official;
    return {
      item,
      count,
      sums,
      points,
      official,
      gatesFailed,
      decisive,
      requested: BigInt(item.requested),
      ticket: seed === null ? '' : ticket(method.ranking.lottery, seed, item.applicationId),
    };
  });
  type Row = (typeof rows)[number];

  const descending = method.ranking.lottery.order === 'descending' ? -1 : 1;
  const byScore = (a: Row, b: Row) =>
    calibratedDecides
      ? quantize(b.decisive!) - quantize(a.decisive!)
      : compareRatio(b.points, b.count, a.points, a.count);
  const priority = (r: Row) => BigInt(r.sums.get(method.priorityCriterion) ?? 0);
  const ranked = rows
    .filter((r) => r.count >= method.quorum && r.decisive !== null)
    .sort(
      (a, b) =>
        byScore(a, b) ||
        compareRatio(priority(b), b.count, priority(a), a.count) ||
        (a.requested < b.requested ? -1 : a.requested > b.requested ? 1 : 0) ||
        descending * (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0),
    );
  const advanced = advance(ranked, method.advancement, BigInt(published.budget));
  const rankOf = new Map(ranked.map((r, i) => [r.item.applicationId, i + 1]));

  const out = rows.map((r): Recomputed => {
    const rank = rankOf.get(r.item.applicationId) ?? null;
    const isAdvanced = advanced.has(r.item.applicationId);
    return {
      applicationId: r.item.applicationId,
      count: r.count,
      sums: r.sums,
      official: r.official,
      gatesFailed: r.gatesFailed,
      rank,
      advanced: isAdvanced,
      reason:
        rank === null ? 'below_quorum' : isAdvanced ? 'advanced' : r.gatesFailed.length ? 'below_gate' : 'below_line',
    };
  });
  out.forEach((mine, i) => problems.push(...differences(published.items[i], mine, method.quorum)));
  return { rows: out, problems };
}

function advance(
  ranked: { item: PublicResult; gatesFailed: string[]; decisive: number | null; requested: bigint }[],
  rule: Advancement,
  budget: bigint,
): Set<string> {
  const out = new Set<string>();
  let requested = 0n;
  for (const r of ranked) {
    if (r.gatesFailed.length) continue;
    if (rule.kind === 'top' && out.size >= rule.n) break;
    if (rule.kind === 'cutoff' && quantize(r.decisive!) < rule.score) break;
    if (rule.kind === 'budget') {
      if (requested + r.requested > (budget * BigInt(Math.round(rule.multiple * 100))) / 100n) break;
      requested += r.requested;
    }
    out.add(r.item.applicationId);
  }
  return out;
}

function differences(published: PublicResult, mine: Recomputed, quorum: number): string[] {
  const out: string[] = [];
  const say = (what: string, theirs: unknown, ours: unknown) =>
    out.push(`${published.reference}: ${what} published ${JSON.stringify(theirs)}, recomputed ${JSON.stringify(ours)}`);
  if (
    (published.official === null) !== (mine.official === null) ||
    (published.official !== null && Math.abs(published.official - mine.official!) > 1e-9)
  )
    say('official score', published.official, mine.official);
  const failed = published.gates.filter((g) => !g.passed).map((g) => g.criterion);
  if (JSON.stringify(failed) !== JSON.stringify(mine.gatesFailed)) say('gates failed', failed, mine.gatesFailed);
  if (published.quorumMet !== mine.count >= quorum) say('quorum met', published.quorumMet, mine.count >= quorum);
  if (published.rank !== mine.rank) say('rank', published.rank, mine.rank);
  if (published.advanced !== mine.advanced) say('advanced', published.advanced, mine.advanced);
  if (published.reason !== mine.reason) say('reason', published.reason, mine.reason);
  return out;
}
