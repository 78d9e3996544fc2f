import { RubricCriterion } from '../../modules/reviews/domain/rounds/round-method';
import { scoresheetTotal } from '../../modules/reviews/domain/scoring/scoresheet';
import { itemStatus } from './item-status';
import { formOf, problemsOf, readScoreForm, runningTotal, scoresheetInput } from './scoresheet-form';

const levels = (max: number) => Array.from({ length: max + 1 }, (_, i) => ({ en: `level ${i}` }));
const CRITERIA: RubricCriterion[] = [
  { code: 'plan', title: { en: 'Plan' }, weight: 3, max: 4, descriptors: levels(4) },
  { code: 'team', title: { en: 'Team' }, weight: 2, max: 5, descriptors: levels(5) },
];

describe('the scoring form', () => {
  it('reads only the rubric’s fields and refuses any other', () => {
    expect(readScoreForm({ 'score-plan': '3', 'comment-team': ' ok ', _csrf: 't' }, CRITERIA)).toEqual({
      scores: { plan: '3', team: '' },
      comments: { plan: '', team: 'ok' },
      comment: '',
    });
    expect(() => readScoreForm({ 'score-budget': '1' }, CRITERIA)).toThrow();
    expect(() => readScoreForm({ 'score-plan': ['1', '2'] }, CRITERIA)).toThrow();
  });

  it('passes whole numbers as numbers, leaves blanks out of a draft, and keeps anything else to be named', () => {
    const form = { scores: { plan: '4', team: 'x' }, comments: { plan: '', team: 'why' }, comment: 'c' };
    expect(scoresheetInput(form, true)).toEqual({
      scores: { plan: 4, team: 'x' },
      comments: { team: 'why' },
      comment: 'c',
      submit: true,
    });
    expect(scoresheetInput({ ...form, scores: { plan: '', team: '2' } }, false).scores).toEqual({
      plan: null,
      team: 2,
    });
  });

  it('names a missing score, a score off the scale and a long comment, in rubric order', () => {
    const form = { scores: { plan: '', team: '9' }, comments: { plan: '', team: '' }, comment: '' };
    const fields = [{ field: 'comments.team' }, { field: 'scores.team' }, { field: 'scores.plan' }];
    expect(problemsOf(fields, form, CRITERIA)).toEqual([
      { code: 'plan', kind: 'missing' },
      { code: 'team', kind: 'scale' },
      { code: 'team', kind: 'comment' },
    ]);
    expect(problemsOf(undefined, form, CRITERIA)).toEqual([]);
  });

  it('gives a running total that grows to the scoresheet’s total, ignoring what is off the scale', () => {
    expect(runningTotal(CRITERIA, { plan: '', team: '' })).toEqual({ total: 0, scored: 0, count: 2 });
    expect(runningTotal(CRITERIA, { plan: '2', team: '7' })).toEqual({ total: 30, scored: 1, count: 2 });
    for (const [plan, team] of [
      [0, 0],
      [4, 5],
      [3, 2],
      [1, 4],
    ])
      expect(runningTotal(CRITERIA, { plan: String(plan), team: String(team) }).total).toBeCloseTo(
        scoresheetTotal(CRITERIA, { plan, team }),
        10,
      );
  });

  it('shows a stored scoresheet as the form, and an assignment’s status in one word', () => {
    expect(formOf(null, CRITERIA)).toEqual({
      scores: { plan: '', team: '' },
      comments: { plan: '', team: '' },
      comment: '',
    });
    expect(itemStatus('active', null)).toBe('not_started');
    expect(itemStatus('active', 'draft')).toBe('draft');
    expect(itemStatus('recused', 'submitted')).toBe('recused');
    expect(itemStatus('active', 'withdrawn')).toBe('recused');
  });
});
