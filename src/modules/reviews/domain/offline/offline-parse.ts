/**
 * The offline scoresheet form (a juror downloads their assignments as one text file, scores them
 * without a connection, and uploads the file): its syntax, after HotCRP's offline review form.
 *
 *   ==+== <keyword> [: <argument>]   starts a field; keywords are English whatever the language
 *   ==-== ...                        a note for the reader (the snapshot, the rubric); ignored
 *   anything else                    the value of the field above it
 *
 * Fields: `round: <id>` once at the top; then per assignment `assignment: <id>`, followed by its
 * `score: <criterion>`, `note: <criterion>`, `comment` and `submit` fields. This file only reads
 * the syntax; offline-check.ts judges the values against the round.
 */

export const FIELD_MARK = '==+==';
export const NOTE_MARK = '==-==';
export const FORM_TITLE = 'Start Up offline scoresheets';

export type OfflineProblemCode =
  | 'not_a_form'
  | 'no_assignments'
  | 'unknown_field'
  | 'text_outside_field'
  | 'field_outside_assignment'
  | 'duplicate_field'
  | 'duplicate_assignment'
  | 'wrong_round'
  | 'unknown_assignment'
  | 'unknown_criterion'
  | 'not_a_number'
  | 'out_of_scale'
  | 'missing_score'
  | 'bad_submit'
  | 'too_long'
  | 'not_editable';

/** One thing wrong with an uploaded form, where it is: the line (1-based), and the criterion if any. */
export interface OfflineProblem {
  line: number;
  problem: OfflineProblemCode;
  assignmentId?: string;
  criterion?: string;
  /** For out_of_scale: the scale's maximum; for too_long: the limit. */
  max?: number;
}

export interface FieldValue {
  /** The value with blank lines around it removed; '' when the juror left it empty. */
  text: string;
  line: number;
}

export interface ParsedSection {
  assignmentId: string;
  line: number;
  scores: Map<string, FieldValue>;
  notes: Map<string, FieldValue>;
  comment?: FieldValue;
  submit?: FieldValue;
}

export interface ParsedForm {
  roundId: string | null;
  sections: ParsedSection[];
  problems: OfflineProblem[];
}

type Open =
  | { kind: 'comment' | 'submit'; line: number; lines: string[] }
  | { kind: 'score' | 'note'; code: string; line: number; lines: string[] };

const FIELD = /^==\+==\s*([a-z]+)\s*(?::\s*(\S+))?.*$/;

/** Reads the form's fields; syntax problems are collected, never thrown, so all are shown at once. */
export function parseOfflineForm(text: string): ParsedForm {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const form: ParsedForm = { roundId: null, sections: [], problems: [] };
  const seen = new Set<string>();
  let section: ParsedSection | undefined;
  let open: Open | undefined;
  let sawTitle = false;

  const close = () => {
    if (!open) return;
    const value: FieldValue = { text: trimBlankLines(open.lines), line: open.line };
    if (section && (open.kind === 'comment' || open.kind === 'submit')) section[open.kind] = value;
    else if (section && open.kind === 'score') section.scores.set(open.code, value);
    else if (section && open.kind === 'note') section.notes.set(open.code, value);
    open = undefined;
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.startsWith(NOTE_MARK)) return;
    if (!raw.startsWith(FIELD_MARK)) {
      // The form writes a stored line that starts with '==' after a space (offline-form.ts).
      if (open) open.lines.push(raw.startsWith(' ==') ? raw.slice(1) : raw);
      else if (raw.trim() !== '') form.problems.push({ line, problem: 'text_outside_field' });
      return;
    }
    close();
    if (raw.slice(FIELD_MARK.length).trim() === FORM_TITLE) {
      sawTitle = true;
      return;
    }
    const match = FIELD.exec(raw);
    const keyword = match?.[1];
    const argument = match?.[2];
    if (keyword === 'round' && argument && !section) {
      form.roundId = argument.toLowerCase();
      return;
    }
    if (keyword === 'assignment' && argument) {
      const assignmentId = argument.toLowerCase();
      if (seen.has(assignmentId)) form.problems.push({ line, problem: 'duplicate_assignment', assignmentId });
      seen.add(assignmentId);
      section = { assignmentId, line, scores: new Map(), notes: new Map() };
      form.sections.push(section);
      return;
    }
    if (keyword === 'score' || keyword === 'note' || keyword === 'comment' || keyword === 'submit') {
      if (!section) {
        form.problems.push({ line, problem: 'field_outside_assignment' });
        return;
      }
      if ((keyword === 'score' || keyword === 'note') && argument) {
        const taken = keyword === 'score' ? section.scores : section.notes;
        if (taken.has(argument))
          form.problems.push({
            line,
            problem: 'duplicate_field',
            assignmentId: section.assignmentId,
            criterion: argument,
          });
        open = { kind: keyword, code: argument, line, lines: [] };
        return;
      }
      if (keyword === 'comment' || keyword === 'submit') {
        if (section[keyword])
          form.problems.push({ line, problem: 'duplicate_field', assignmentId: section.assignmentId });
        open = { kind: keyword, line, lines: [] };
        return;
      }
    }
    form.problems.push({ line, problem: 'unknown_field', assignmentId: section?.assignmentId });
  });
  close();
  if (!sawTitle || !form.roundId)
    return { roundId: null, sections: [], problems: [{ line: 1, problem: 'not_a_form' }] };
  if (form.sections.length === 0) form.problems.push({ line: lines.length, problem: 'no_assignments' });
  return form;
}

function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start += 1;
  while (end > start && lines[end - 1].trim() === '') end -= 1;
  return lines
    .slice(start, end)
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}
