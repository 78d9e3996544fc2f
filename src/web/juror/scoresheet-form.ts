import { RubricCriterion } from '../../modules/reviews/domain/rounds/round-method';
import { ScoresheetDto } from '../../modules/reviews/dto/workspace.dto';
import { readForm } from '../render/form-input';

/** The scoring form as sent (or as stored), field by field, as text: what the page shows again. */
export interface ScoreForm {
  scores: Record<string, string>;
  comments: Record<string, string>;
  comment: string;
}

/** One problem of a scoresheet, by criterion: no score, a score off the scale, a comment too long. */
export interface ScoreProblem {
  code: string;
  kind: 'missing' | 'scale' | 'comment';
}

export const scoreField = (code: string) => `score-${code}`;
export const commentField = (code: string) => `comment-${code}`;
/** The id of a criterion's first radio button: where the error summary sends the reader. */
export const firstLevelId = (code: string) => `score-${code}-0`;

/** Reads the form: a field the rubric does not have, or text longer than 10 000 characters, is refused (400). */
export function readScoreForm(body: unknown, criteria: readonly RubricCriterion[]): ScoreForm {
  const fields = [...criteria.flatMap((c) => [scoreField(c.code), commentField(c.code)]), 'comment'];
  const values = readForm(body, fields, 10_000);
  return {
    scores: Object.fromEntries(criteria.map((c) => [c.code, values[scoreField(c.code)]])),
    comments: Object.fromEntries(criteria.map((c) => [c.code, values[commentField(c.code)]])),
    comment: values.comment,
  };
}

/** What the workspace service takes: whole numbers as numbers, anything else as sent (so it is named). */
export function scoresheetInput(form: ScoreForm, submit: boolean) {
  const scores: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(form.scores))
    scores[code] = value === '' ? null : /^\d{1,4}$/.test(value) ? Number(value) : value;
  const comments = Object.fromEntries(Object.entries(form.comments).filter(([, text]) => text !== ''));
  return { scores, comments, comment: form.comment, submit };
}

export function formOf(sheet: ScoresheetDto | null, criteria: readonly RubricCriterion[]): ScoreForm {
  return {
    scores: Object.fromEntries(
      criteria.map((c) => [c.code, typeof sheet?.scores[c.code] === 'number' ? String(sheet.scores[c.code]) : '']),
    ),
    comments: Object.fromEntries(criteria.map((c) => [c.code, sheet?.comments[c.code] ?? ''])),
    comment: sheet?.comment ?? '',
  };
}

/** The service's problems (`scores.<code>`, `comments.<code>`) as the page names them, in rubric order. */
export function problemsOf(fields: unknown, form: ScoreForm, criteria: readonly RubricCriterion[]): ScoreProblem[] {
  const named = new Set(Array.isArray(fields) ? fields.map((f) => String((f as { field?: unknown }).field)) : []);
  const out: ScoreProblem[] = [];
  for (const c of criteria) {
    if (named.has(`scores.${c.code}`))
      out.push({ code: c.code, kind: form.scores[c.code] === '' ? 'missing' : 'scale' });
    if (named.has(`comments.${c.code}`)) out.push({ code: c.code, kind: 'comment' });
  }
  return out;
}

/**
 * The running total, 0-100: the weighted share of the maximum of the criteria scored so far (an
 * unscored criterion counts 0), so it grows to the scoresheet's total as the last one is scored.
 * enhance.js computes the same as the radios change.
 */
export function runningTotal(
  criteria: readonly RubricCriterion[],
  scores: Record<string, string>,
): { total: number; scored: number; count: number } {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  let points = 0;
  let scored = 0;
  for (const c of criteria) {
    const value = /^\d{1,4}$/.test(scores[c.code] ?? '') ? Number(scores[c.code]) : NaN;
    if (!Number.isInteger(value) || value < 0 || value > c.max) continue;
    points += (c.weight * value) / c.max;
    scored += 1;
  }
  return { total: weights > 0 ? (100 * points) / weights : 0, scored, count: criteria.length };
}
