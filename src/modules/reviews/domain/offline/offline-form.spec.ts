import fc from 'fast-check';
import { checkOfflineForm, OfflineRubric } from './offline-check';
import { OfflineAssignment, OfflineFormInput, renderOfflineForm, tengeText } from './offline-form';
import { parseOfflineForm } from './offline-parse';

const ROUND = '6f1c2a3b-0000-4000-8000-000000000001';
const A1 = '6f1c2a3b-0000-4000-8000-0000000000a1';
const A2 = '6f1c2a3b-0000-4000-8000-0000000000a2';

const criteria = [
  {
    code: 'plan',
    title: 'Plan alignment',
    description: '',
    weight: 2,
    max: 4,
    min: 2,
    descriptors: ['0', '1', '2', '3', '4'],
  },
  {
    code: 'feasibility',
    title: 'Feasibility',
    description: 'Can it be done?',
    weight: 1,
    max: 3,
    descriptors: ['a', 'b', 'c', 'd'],
  },
];
const rubric: OfflineRubric = { roundId: ROUND, criteria, assignmentIds: new Set([A1, A2]) };

const assignment = (id: string, sheet: OfflineAssignment['sheet'] = null): OfflineAssignment => ({
  id,
  hasFiles: false,
  sheet,
  proposal: {
    title: 'Bakery',
    summary: 'Bread for the village',
    description: 'Line one\n==+== score: plan\nLine three',
    sector: 'services',
    villageName: 'Tauchik',
    goals: [{ code: 'G1', title: 'Youth jobs', contribution: 'Two jobs' }],
    requestedAmount: 150000000n,
    ownContribution: 40000000n,
    budgetLines: [{ category: 'equipment', description: 'Oven', amount: 150000000n, source: 'grant' }],
    jobsCreated: 2,
  },
});

const input = (assignments: OfflineAssignment[]): OfflineFormInput => ({
  roundId: ROUND,
  roundName: 'Round 1',
  deadline: new Date('2026-12-20T13:00:00Z'),
  criteria,
  assignments,
});

/** Puts `value` on the line after the field line `field` of the section of `assignmentId`. */
function fill(form: string, assignmentId: string, field: string, value: string): string {
  const lines = form.split('\n');
  const start = lines.indexOf(`==+== assignment: ${assignmentId}`);
  const at = lines.findIndex((line, i) => i > start && line === `==+== ${field}`);
  let end = at + 1;
  while (lines[end]?.startsWith('==-==')) end += 1;
  // Replace the field's value lines (up to the next field) with the new value.
  let next = end;
  while (next < lines.length && !lines[next].startsWith('==+==') && lines[next] !== '') next += 1;
  lines.splice(end, next - end, ...value.split('\n'));
  return lines.join('\n');
}

const check = (text: string) => checkOfflineForm(parseOfflineForm(text), rubric);

describe('offline scoresheet form', () => {
  it('stores nothing for an untouched form', () => {
    expect(check(renderOfflineForm(input([assignment(A1), assignment(A2)]), 'ru'))).toEqual({
      sheets: [],
      problems: [],
    });
  });

  it('reads scores, comments and the submit answer in any language', () => {
    let form = renderOfflineForm(input([assignment(A1), assignment(A2)]), 'kk');
    form = fill(form, A1, 'score: plan', '3');
    form = fill(form, A1, 'score: feasibility', ' 2 ');
    form = fill(form, A1, 'note: plan', 'Fits goal G1\nsecond line');
    form = fill(form, A1, 'submit', 'Да');
    form = fill(form, A2, 'score: plan', '1');
    const { sheets, problems } = check(form);
    expect(problems).toEqual([]);
    expect(sheets).toEqual([
      expect.objectContaining({
        assignmentId: A1,
        scores: { plan: 3, feasibility: 2 },
        comments: { plan: 'Fits goal G1\nsecond line' },
        submit: true,
      }),
      expect.objectContaining({ assignmentId: A2, scores: { plan: 1 }, submit: false }),
    ]);
  });

  it('keeps a note that looks like a field inside the snapshot from ending the section', () => {
    const form = fill(renderOfflineForm(input([assignment(A1)]), 'en'), A1, 'score: plan', '4');
    expect(check(form).sheets[0].scores).toEqual({ plan: 4 });
  });

  it('lists every problem with its line and criterion, and then stores nothing', () => {
    let form = renderOfflineForm(input([assignment(A1), assignment(A2)]), 'en');
    form = fill(form, A1, 'score: plan', '5');
    form = fill(form, A1, 'score: feasibility', 'good');
    form = fill(form, A2, 'score: plan', '2');
    form = fill(form, A2, 'submit', 'maybe');
    const lines = form.split('\n');
    const { sheets, problems } = check(form);
    expect(sheets).toEqual([]);
    expect(problems.map((p) => [p.problem, p.criterion, lines[p.line - 1]])).toEqual([
      ['out_of_scale', 'plan', '==+== score: plan'],
      ['not_a_number', 'feasibility', '==+== score: feasibility'],
      ['bad_submit', undefined, '==+== submit'],
    ]);
    expect(problems[0]).toMatchObject({ assignmentId: A1, max: 4 });
  });

  it('asks for every criterion when a sheet is submitted', () => {
    let form = renderOfflineForm(input([assignment(A1)]), 'ru');
    form = fill(form, A1, 'score: plan', '2');
    form = fill(form, A1, 'submit', 'да');
    expect(check(form).problems).toEqual([
      expect.objectContaining({ problem: 'missing_score', criterion: 'feasibility' }),
    ]);
  });

  it('refuses another round, assignments that are not mine, unknown criteria and repeated fields', () => {
    const other = renderOfflineForm({ ...input([assignment(A1)]), roundId: A2 }, 'en');
    expect(check(other).problems.map((p) => p.problem)).toContain('wrong_round');
    const stranger = '6f1c2a3b-0000-4000-8000-0000000000ff';
    let form = renderOfflineForm(input([assignment(stranger)]), 'en');
    form = form.replace('==+== score: feasibility', '==+== score: cost');
    form += '==+== assignment: ' + A1 + '\n==+== score: plan\n1\n==+== score: plan\n2\n';
    expect(check(form).problems.map((p) => p.problem)).toEqual(['unknown_assignment', 'duplicate_field']);
  });

  it('says when a file is not a form, and where stray text is', () => {
    expect(check('hello').problems).toEqual([{ line: 1, problem: 'not_a_form' }]);
    const form = renderOfflineForm(input([assignment(A1)]), 'en').replace(
      `==+== assignment: ${A1}`,
      `==+== assignment: ${A1}\nstray words`,
    );
    expect(check(form).problems).toEqual([expect.objectContaining({ problem: 'text_outside_field' })]);
  });

  it('writes the stored sheet back, so a downloaded form continues where the juror stopped', () => {
    const sheet = {
      scores: { plan: 3, feasibility: 1 },
      comments: { plan: '==looks like a mark' },
      comment: 'ok',
      submitted: true,
    };
    const { sheets, problems } = check(renderOfflineForm(input([assignment(A1, sheet)]), 'kk'));
    expect(problems).toEqual([]);
    expect(sheets).toEqual([
      {
        assignmentId: A1,
        line: expect.any(Number),
        scores: sheet.scores,
        comments: sheet.comments,
        comment: 'ok',
        submit: true,
      },
    ]);
  });

  it("writes money in tenge and the deadline in Almaty time, in the reader's language", () => {
    expect(tengeText(123456750n, 'ru')).toBe('1\u00a0234\u00a0567,50 ₸');
    expect(tengeText(5n, 'en')).toBe('0.05 ₸');
    const form = renderOfflineForm(input([assignment(A1)]), 'ru');
    expect(form).toContain('1\u00a0500\u00a0000,00 ₸');
    expect(form).toContain('20 декабря 2026');
    expect(form).toContain('18:00');
  });

  it('reads back any sheet it writes (property)', () => {
    // Lines as people type them: no blank edges (a field's value is trimmed of blank lines and
    // trailing spaces), and they may start with the marks' '=='.
    const line = fc.stringMatching(/^[=a-zа-яә0-9.,!?][=a-zа-яә0-9.,!? ]{0,20}[=a-zа-яә0-9.]$/);
    const text = fc.array(line, { maxLength: 3 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        text,
        text,
        fc.boolean(),
        (plan, feasibility, note, comment, submitted) => {
          const comments: Record<string, string> = note ? { plan: note } : {};
          const sheet = { scores: { plan, feasibility }, comments, comment, submitted };
          const { sheets, problems } = check(renderOfflineForm(input([assignment(A1, sheet)]), 'ru'));
          expect(problems).toEqual([]);
          expect(sheets).toEqual([
            {
              assignmentId: A1,
              line: expect.any(Number),
              scores: sheet.scores,
              comments: sheet.comments,
              comment,
              submit: submitted,
            },
          ]);
        },
      ),
    );
  });
});
