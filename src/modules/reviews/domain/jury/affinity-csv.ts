/**
 * Affinities a manager imports (DESIGN.md section 6): CSV lines `application,juror,score`, with an
 * optional header. The application is its id or reference (SU-TUP-2026-0042), the juror their id or
 * email; the score a whole number from -100 to 100, added to the computed affinity.
 */
export interface AffinityLine {
  line: number;
  application: string;
  juror: string;
  score: number;
}

export const MAX_AFFINITY_LINES = 200_000;

export function parseAffinityCsv(text: string): {
  lines: AffinityLine[];
  problems: { field: string; problems: string[] }[];
} {
  const lines: AffinityLine[] = [];
  const problems: { field: string; problems: string[] }[] = [];
  const seen = new Map<string, number>();
  const rows = text.replace(/(\r?\n)+$/, '').split(/\r?\n/);
  if (rows.length > MAX_AFFINITY_LINES + 1)
    return { lines: [], problems: [{ field: 'csv', problems: [`at most ${MAX_AFFINITY_LINES} lines`] }] };
  rows.forEach((raw, index) => {
    const line = index + 1;
    const row = raw.trim();
    if (row === '' || (index === 0 && /^"?application"?\s*[,;]/i.test(row))) return;
    const cells = row.split(/[,;]/).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
    if (cells.length !== 3)
      return problems.push({ field: `csv.line${line}`, problems: ['expected application,juror,score'] });
    const [application, juror, scoreText] = cells;
    const score = Number(scoreText);
    if (!/^-?\d+$/.test(scoreText) || score < -100 || score > 100)
      return problems.push({ field: `csv.line${line}`, problems: ['score must be a whole number from -100 to 100'] });
    const key = `${application.toLowerCase()}|${juror.toLowerCase()}`;
    if (seen.has(key)) return problems.push({ field: `csv.line${line}`, problems: [`repeats line ${seen.get(key)}`] });
    seen.set(key, line);
    lines.push({ line, application, juror, score });
    return undefined;
  });
  return { lines, problems };
}
