/** RFC 4180 fields; values that a spreadsheet would run as a formula are defused with a quote. */
export function csvField(value: string | number | bigint | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | bigint | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** UTF-8 byte order mark: spreadsheet programs then read Kazakh and Russian text correctly. */
export const BOM = '\uFEFF';
