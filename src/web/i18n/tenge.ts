/**
 * Amounts as people type them in tenge ("1 500 000", "1500000,50", "2 000 ₸") to minor units, and
 * back for a form field. Spaces group thousands; a comma or a dot starts at most two decimals.
 * Nothing else is guessed: "1.500.000" is refused rather than read as 1.5.
 */
const SPACES = /[\s\u00a0\u202f]/g;
const AMOUNT = /^(\d{1,13})(?:[.,](\d{1,2}))?$/;

/** The amount in minor units (tiyn) as an integer string, or null when it is not an amount. */
export function parseTenge(input: string): string | null {
  const compact = input.replace(SPACES, '').replace(/(₸|тг\.?|тенге|теңге|KZT)$/i, '');
  const match = AMOUNT.exec(compact);
  if (!match) return null;
  const minor = BigInt(match[1]) * 100n + BigInt((match[2] ?? '0').padEnd(2, '0'));
  return minor.toString();
}

/** A value for an amount field: whole tenge without grouping, decimals only when there are any. */
export function tengeInputValue(minor: bigint, decimalSeparator: string): string {
  const whole = minor / 100n;
  const cents = minor % 100n;
  return cents === 0n ? whole.toString() : `${whole}${decimalSeparator}${cents.toString().padStart(2, '0')}`;
}
