import { createHash } from 'node:crypto';
/** A rubric line of a scoring round (DESIGN.md section 5). */
export interface Criterion {
  code: string;
  weight: number;
  /** Integer scale 0..max. */
  max: number;
  /** A gate: an application whose mean score here is below this cannot advance. */
  min?: number;
}

/**
 * A scoresheet's total: the weighted share of the maximum, 0-100. Scores are by criterion code;
 * every criterion must be scored within its scale (the caller validated that).
 */
export function scoresheetTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (weights <= 0) throw new Error('a rubric needs a positive total weight');
  const weighted = criteria.reduce((sum, c) => sum + (c.weight * scores[c.code]) / c.max, 0);
  return (100 * weighted) / weights;
}

/** Problems with one scoresheet's scores against the rubric, by criterion code (empty when valid). */
export function scoreProblems(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, unknown>>,
): { field: string; problems: string[] }[] {
  const out: { field: string; problems: string[] }[] = [];
  const known = new Set(criteria.map((c) => c.code));
  for (const c of criteria) {
    const value = scores[c.code];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > c.max) {
      out.push({ field: `scores.${c.code}`, problems: [`must be a whole number from 0 to ${c.max}`] });
    }
  }
  for (const code of Object.keys(scores))
    if (!known.has(code)) out.push({ field: `scores.${code}`, problems: ['not a criterion of this round'] });
  return out;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Exact arithmetic for comparisons: with L the least common multiple of the scales and W the sum
 * of the weights, a scoresheet's total is exactly `100 * points / (L * W)` for the integer
 * `points = sum of weight * score * (L / max)`. Equal totals then compare equal, so ties go to the
 * published tie-break and never to floating-point noise.
 */
export function rubricScale(criteria: readonly Criterion[]): { lcm: bigint; weights: bigint } {
  const lcm = criteria.reduce((l, c) => (l * BigInt(c.max)) / gcd(l, BigInt(c.max)), 1n);
  return { lcm, weights: criteria.reduce((w, c) => w + BigInt(c.weight), 0n) };
}

export function scoresheetPoints(
  criteria: readonly Criterion[],
  lcm: bigint,
  scores: Readonly<Record<string, number>>,
): bigint {
  return criteria.reduce((sum, c) => sum + BigInt(c.weight) * BigInt(scores[c.code]) * (lcm / BigInt(c.max)), 0n);
}

/** SHA-256 of a scoresheet's id and its scores in code order: what the audit log keeps of them. */
export function scoresDigest(sheet: { id: string; scores: Readonly<Record<string, number>> }): string {
  const ordered = Object.keys(sheet.scores)
    .sort()
    .map((code) => [code, sheet.scores[code]]);
  return createHash('sha256')
    .update(JSON.stringify([sheet.id, ordered]))
    .digest('hex');
}
