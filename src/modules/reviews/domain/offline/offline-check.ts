import { OfflineProblem, ParsedForm, ParsedSection } from './offline-parse';
import { SUBMIT_ANSWERS } from './offline-words';

/** The same limits as the scoresheet API (SaveScoresheetDto and WorkspaceService). */
export const NOTE_MAX = 4000;
export const COMMENT_MAX = 10000;

export interface OfflineRubric {
  roundId: string;
  criteria: readonly { code: string; max: number }[];
  /** The juror's active assignments in the round. */
  assignmentIds: ReadonlySet<string>;
}

/** One scoresheet to save, as the scoresheet API takes it, with the line it came from. */
export interface OfflineSheet {
  assignmentId: string;
  line: number;
  scores: Record<string, number>;
  comments: Record<string, string>;
  comment: string;
  submit: boolean;
}

/**
 * Judges a parsed form against the round: every problem with its line (and criterion), so the
 * juror can mend them all in one go. Sheets come back only when there is no problem at all: the
 * upload stores the whole file or nothing. A section left entirely empty (no score, no comment,
 * not submitted) is skipped, so downloading and uploading an untouched form stores nothing.
 */
export function checkOfflineForm(
  form: ParsedForm,
  rubric: OfflineRubric,
): { sheets: OfflineSheet[]; problems: OfflineProblem[] } {
  const problems = [...form.problems];
  if (form.roundId !== null && form.roundId !== rubric.roundId) problems.push({ line: 1, problem: 'wrong_round' });
  const sheets: OfflineSheet[] = [];
  for (const section of form.sections) {
    const sheet = checkSection(section, rubric, problems);
    if (sheet) sheets.push(sheet);
  }
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { sheets: [], problems } : { sheets, problems };
}

function checkSection(section: ParsedSection, rubric: OfflineRubric, problems: OfflineProblem[]): OfflineSheet | null {
  const { assignmentId } = section;
  if (!rubric.assignmentIds.has(assignmentId)) {
    problems.push({ line: section.line, problem: 'unknown_assignment', assignmentId });
    return null;
  }
  const known = new Map(rubric.criteria.map((c) => [c.code, c]));
  for (const [code, value] of [...section.scores, ...section.notes])
    if (!known.has(code))
      problems.push({ line: value.line, problem: 'unknown_criterion', assignmentId, criterion: code });

  let submit = false;
  if (section.submit && section.submit.text !== '') {
    const answer = SUBMIT_ANSWERS[section.submit.text.trim().toLowerCase()];
    if (answer === undefined) problems.push({ line: section.submit.line, problem: 'bad_submit', assignmentId });
    else submit = answer;
  }

  const scores: Record<string, number> = {};
  for (const criterion of rubric.criteria) {
    const value = section.scores.get(criterion.code);
    const text = value?.text.trim() ?? '';
    if (text === '') {
      if (submit)
        problems.push({
          line: value?.line ?? section.line,
          problem: 'missing_score',
          assignmentId,
          criterion: criterion.code,
        });
      continue;
    }
    if (!/^\d+$/.test(text)) {
      problems.push({ line: value!.line, problem: 'not_a_number', assignmentId, criterion: criterion.code });
      continue;
    }
    const score = Number(text);
    if (score > criterion.max)
      problems.push({
        line: value!.line,
        problem: 'out_of_scale',
        assignmentId,
        criterion: criterion.code,
        max: criterion.max,
      });
    else scores[criterion.code] = score;
  }

  const comments: Record<string, string> = {};
  for (const [code, value] of section.notes) {
    if (!known.has(code) || value.text === '') continue;
    if (value.text.length > NOTE_MAX)
      problems.push({ line: value.line, problem: 'too_long', assignmentId, criterion: code, max: NOTE_MAX });
    else comments[code] = value.text;
  }
  const comment = section.comment?.text ?? '';
  if (comment.length > COMMENT_MAX)
    problems.push({ line: section.comment!.line, problem: 'too_long', assignmentId, max: COMMENT_MAX });

  const empty = Object.keys(scores).length === 0 && Object.keys(comments).length === 0 && comment === '' && !submit;
  return empty ? null : { assignmentId, line: section.line, scores, comments, comment, submit };
}
