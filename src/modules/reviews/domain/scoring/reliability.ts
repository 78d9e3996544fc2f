/**
 * Krippendorff's alpha at the interval level: 1 - observed / expected disagreement, over the
 * units (applications) with at least two values. 1 is perfect agreement, 0 is chance; null when
 * there is too little data to say.
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  const mean = all.reduce((a, b) => a + b, 0) / n;
  const totalSquares = all.reduce((sum, x) => sum + (x - mean) ** 2, 0);
  if (totalSquares === 0) return null;
  // Within a unit of m values, the sum over ordered pairs of (c - k)^2 is 2 m SS_u.
  let observed = 0;
  for (const values of pairable) {
    const m = values.length;
    const unitMean = values.reduce((a, b) => a + b, 0) / m;
    const ss = values.reduce((sum, x) => sum + (x - unitMean) ** 2, 0);
    observed += (2 * m * ss) / (m - 1);
  }
  observed /= n;
  const expected = (2 * totalSquares) / (n - 1);
  return 1 - observed / expected;
}
