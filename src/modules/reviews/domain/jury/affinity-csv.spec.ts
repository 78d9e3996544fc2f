import { MAX_AFFINITY_LINES, parseAffinityCsv } from './affinity-csv';

const SCORE_PROBLEM = 'score must be a whole number from -100 to 100';
const CELLS_PROBLEM = 'expected application,juror,score';

describe('parseAffinityCsv()', () => {
  it('parses lines without a header', () => {
    expect(parseAffinityCsv('SU-2026-0042,ana@example.org,5\napp2,j2,-3')).toEqual({
      lines: [
        { line: 1, application: 'SU-2026-0042', juror: 'ana@example.org', score: 5 },
        { line: 2, application: 'app2', juror: 'j2', score: -3 },
      ],
      problems: [],
    });
  });

  it('skips a header on the first line and keeps file line numbers', () => {
    const { lines, problems } = parseAffinityCsv('application,juror,score\napp1,j1,10');
    expect(problems).toEqual([]);
    expect(lines).toEqual([{ line: 2, application: 'app1', juror: 'j1', score: 10 }]);
  });

  it('skips a quoted, upper-case or semicolon header', () => {
    expect(parseAffinityCsv('"Application";"Juror";"Score"\na;j;1').lines).toEqual([
      { line: 2, application: 'a', juror: 'j', score: 1 },
    ]);
    expect(parseAffinityCsv('APPLICATION , juror, score\na,j,1').problems).toEqual([]);
  });

  it('does not treat a header-like row after the first line as a header', () => {
    expect(parseAffinityCsv('a,j,1\napplication,juror,score').problems).toEqual([
      { field: 'csv.line2', problems: [SCORE_PROBLEM] },
    ]);
  });

  it('accepts ; and , separators, even mixed', () => {
    const { lines, problems } = parseAffinityCsv('a1;j1;1\na2,j2,2\na3;j3,3');
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.application, l.juror, l.score])).toEqual([
      ['a1', 'j1', 1],
      ['a2', 'j2', 2],
      ['a3', 'j3', 3],
    ]);
  });

  it('strips quotes and surrounding spaces', () => {
    expect(parseAffinityCsv(' "a1" , " j1 " , "-7" ').lines).toEqual([
      { line: 1, application: 'a1', juror: 'j1', score: -7 },
    ]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const { lines, problems } = parseAffinityCsv('\na1,j1,1\n   \n\na2,j2,x\n');
    expect(lines).toEqual([{ line: 2, application: 'a1', juror: 'j1', score: 1 }]);
    expect(problems).toEqual([{ field: 'csv.line5', problems: [SCORE_PROBLEM] }]);
  });

  it('handles CRLF line endings', () => {
    const { lines, problems } = parseAffinityCsv('application,juror,score\r\na1,j1,1\r\na2,j2,2\r\n');
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { line: 2, application: 'a1', juror: 'j1', score: 1 },
      { line: 3, application: 'a2', juror: 'j2', score: 2 },
    ]);
  });

  it('is empty for an empty text', () => {
    expect(parseAffinityCsv('')).toEqual({ lines: [], problems: [] });
  });

  it.each(['-100', '0', '100', '-0', '42'])('accepts the integer score %s', (score) => {
    const { lines, problems } = parseAffinityCsv(`a,j,${score}`);
    expect(problems).toEqual([]);
    expect(lines[0].score).toBe(Number(score));
  });

  it.each(['1.5', '101', '-101', 'x', '', '1e2', '+5', '0x10', ' '])('rejects the score %j', (score) => {
    const { lines, problems } = parseAffinityCsv(`a1,j1,1\na,j,${score}`);
    expect(lines).toHaveLength(1);
    expect(problems).toEqual([{ field: 'csv.line2', problems: [SCORE_PROBLEM] }]);
  });

  it.each(['a,j', 'a,j,1,2', 'a', 'a;j;1;'])('rejects a wrong number of cells: %j', (row) => {
    expect(parseAffinityCsv(`a1,j1,1\n\n${row}`)).toEqual({
      lines: [{ line: 1, application: 'a1', juror: 'j1', score: 1 }],
      problems: [{ field: 'csv.line3', problems: [CELLS_PROBLEM] }],
    });
  });

  it('reports a duplicate pair, case-insensitively, with the line it repeats', () => {
    const { lines, problems } = parseAffinityCsv(
      'application,juror,score\nSU-1,Ana@Example.org,1\nother,j,2\nsu-1,ana@example.ORG,3',
    );
    expect(lines.map((l) => l.line)).toEqual([2, 3]);
    expect(problems).toEqual([{ field: 'csv.line4', problems: ['repeats line 2'] }]);
  });

  it('does not count a rejected line as seen for duplicates', () => {
    const { lines, problems } = parseAffinityCsv('a,j,999\na,j,1');
    expect(problems).toEqual([{ field: 'csv.line1', problems: [SCORE_PROBLEM] }]);
    expect(lines).toEqual([{ line: 2, application: 'a', juror: 'j', score: 1 }]);
  });

  it('reports every problem, one per line', () => {
    const { problems } = parseAffinityCsv('a,j\na,j,x\na,j,1\na,j,1');
    expect(problems.map((p) => p.field)).toEqual(['csv.line1', 'csv.line2', 'csv.line4']);
  });

  it('rejects more than MAX_AFFINITY_LINES data lines', () => {
    const text = Array.from({ length: MAX_AFFINITY_LINES + 2 }, (_, i) => `a${i},j,1`).join('\n');
    expect(parseAffinityCsv(text)).toEqual({
      lines: [],
      problems: [{ field: 'csv', problems: [`at most ${MAX_AFFINITY_LINES} lines`] }],
    });
  });

  it('accepts a header plus exactly MAX_AFFINITY_LINES lines', () => {
    const rows = Array.from({ length: MAX_AFFINITY_LINES }, (_, i) => `a${i},j,1`);
    const { lines, problems } = parseAffinityCsv(['application,juror,score', ...rows].join('\n'));
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(MAX_AFFINITY_LINES);
  });

  it('accepts a full file that ends with a newline, as spreadsheet exports do', () => {
    const rows = Array.from({ length: MAX_AFFINITY_LINES }, (_, i) => `a${i},j,1`);
    const parsed = parseAffinityCsv(['application,juror,score', ...rows].join('\r\n') + '\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toHaveLength(MAX_AFFINITY_LINES);
  });
});
