import { FULL_SHARE_BP, templateProblems, TrancheTemplateItem } from '../../competitions/domain/award-rules';

/**
 * An award's tranche schedule (DESIGN.md section 7, rule 8): shares of the award from the
 * competition's template, turned into amounts in minor units that add up to the award exactly,
 * by largest remainder: each tranche gets the floor of its share, and the units left over go one
 * each to the tranches with the largest remainders (ties to the earlier tranche).
 */
/** The longest tranche label in any one language. */
export const MAX_TRANCHE_LABEL = 200;

export type TrancheShare = Pick<TrancheTemplateItem, 'shareBp'>;

export function splitAward(amount: bigint, template: readonly TrancheShare[]): bigint[] {
  const problems = templateProblems(template);
  if (problems.length) throw new Error(problems.join('; '));
  if (amount < 0n) throw new Error('an award cannot be negative');
  const full = BigInt(FULL_SHARE_BP);
  const exact = template.map((t) => amount * BigInt(t.shareBp));
  const amounts = exact.map((e) => e / full);
  let left = amount - amounts.reduce((a, b) => a + b, 0n);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e % full }))
    .sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.i - b.i));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    amounts[i] += 1n;
    left -= 1n;
  }
  return amounts;
}

/** Rule 8 for a schedule a manager edited: every amount positive, and they add up to the award exactly; by field (`amounts.1` is tranche 2). */
export function scheduleProblems(award: bigint, amounts: readonly bigint[]): { field: string; problems: string[] }[] {
  const problems: { field: string; problems: string[] }[] = [];
  if (amounts.length === 0) problems.push({ field: 'amounts', problems: ['a schedule needs at least one tranche'] });
  amounts.forEach(
    (a, i) =>
      a <= 0n && problems.push({ field: `amounts.${i}`, problems: [`tranche ${i + 1}: amount must be positive`] }),
  );
  const sum = amounts.reduce((s, a) => s + a, 0n);
  if (sum !== award)
    problems.push({ field: 'amounts', problems: [`the tranches add up to ${sum}, not the award's ${award}`] });
  return problems;
}
