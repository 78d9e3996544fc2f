/**
 * Minor units (tiyn) as a plain decimal number of tenge with two decimals and a point, no grouping
 * and no sign of the currency: 123456750n gives "1234567.50". This is what files for machines and
 * spreadsheets carry (the CSV exports, under a header that says KZT): every spreadsheet and data
 * tool reads it as a number, where "1 234 567,50 ₸" would be text. Exact for any bigint.
 */
export function tengeDecimal(minorUnits: bigint): string {
  const sign = minorUnits < 0n ? '-' : '';
  const absolute = minorUnits < 0n ? -minorUnits : minorUnits;
  return `${sign}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
}
