import { Load, totalBytes } from './measure';

export interface PageRow {
  name: string;
  path: string;
  page: Load;
  /** The same bodies gzip-compressed (the goal's unit). */
  gzip: number;
  jsonPath?: string;
  json?: Load;
}

/** DESIGN.md section 13: an applicant's page on a cold cache, and when its content shows. */
export const GOALS = { bytes: 60 * 1024, headingMs: 1500 };

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number | null): string => (value === null ? '-' : `${value} ms`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printPages(rows: PageRow[], missing: string[], runs: number): void {
  console.log(
    `\npages: cold cache, 400 kbit/s, 400 ms round trips, 360 px phone, JavaScript on; median of ${runs} loads`,
  );
  console.log(
    table(
      [
        'page',
        'html',
        'css',
        'js',
        'sent',
        'gzip only',
        'req',
        'enc',
        'h1 shown',
        'first paint',
        'goal',
        'json bytes',
        'json last byte',
      ],
      rows.map(({ name, page, gzip, json }) => {
        const total = totalBytes(page);
        const withinGoal =
          Math.max(total, gzip) <= GOALS.bytes && page.headingMs !== null && page.headingMs <= GOALS.headingMs;
        return [
          name,
          kb(page.bytes.html),
          kb(page.bytes.css),
          kb(page.bytes.js),
          kb(total),
          kb(gzip),
          String(page.requests),
          page.encoding,
          ms(page.headingMs),
          ms(page.firstPaintMs),
          withinGoal ? 'ok' : 'OVER',
          json ? kb(totalBytes(json)) : '-',
          json ? ms(json.responseEndMs) : '-',
        ];
      }),
    ),
  );
  for (const row of rows.filter((r) => r.jsonPath)) console.log(`json of ${row.name}: GET ${row.jsonPath}`);
  if (missing.length) console.log(`no HTML page on this branch: ${missing.join(', ')}`);
  console.log(`goal: each page <= ${kb(GOALS.bytes)} and its h1 shown within ${GOALS.headingMs} ms`);
}
