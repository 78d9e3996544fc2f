import { changedRows, checkPlanForm, emptyGoal, formOfInput, planFields, refusalOf, rowsOf } from './plan-form';

const VILLAGE = '3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90';
const input = (fields: Record<string, string>) => {
  const all = Object.fromEntries(planFields(2).map((name) => [name, '']));
  return formOfInput({ ...all, ...fields }, 2);
};

describe('the admins plan form', () => {
  it('reads the rows a post says it has, within the DTO limit', () => {
    expect([rowsOf({ rows: '3' }), rowsOf({ rows: '999' }), rowsOf({ rows: 'x' }), rowsOf(null)]).toEqual([
      3, 50, 1, 1,
    ]);
  });

  it('checks with the API DTO, leaving out blank rows, and names each broken field', () => {
    const form = input({
      title: 'Plan',
      periodStart: '2026',
      periodEnd: '2030',
      'code-1': 'G1',
      'title-1-ru': 'Вода',
      'priority-1': '1',
    });
    const ok = checkPlanForm(form, VILLAGE);
    expect(ok.errors).toEqual([]);
    expect(ok.dto?.goals).toEqual([{ code: 'G1', title: { ru: 'Вода' }, description: null, priority: 1 }]);
    expect(ok.index).toEqual([1]);

    const bad = checkPlanForm(
      input({ periodStart: '20x6', periodEnd: '2030', 'code-1': 'G1', 'priority-1': '100' }),
      VILLAGE,
    );
    expect(bad.dto).toBeNull();
    expect(bad.errors.map((e) => e.field)).toEqual(['title', 'periodStart', 'title-1-kk', 'priority-1']);
  });

  it('adds and removes rows, never fewer than one', () => {
    const form = input({ 'code-0': 'G1', 'code-1': 'G2' });
    expect(changedRows(form, 'remove-0')?.goals.map((g) => g.code)).toEqual(['G2']);
    expect(changedRows({ ...form, goals: [emptyGoal()] }, 'remove-0')?.goals).toHaveLength(1);
    expect(changedRows(form, 'add')?.goals).toHaveLength(3);
    expect(changedRows(form, 'save')).toBeNull();
  });

  it("puts the service's refusals on their field", () => {
    const form = input({ 'code-0': 'G1', 'code-1': 'g1' });
    expect(refusalOf('PLAN.DUPLICATE_GOAL_CODE', form, [0, 1]).field).toBe('code-1');
    expect(refusalOf('PLAN.WRONG_PERIOD', form, [0, 1]).field).toBe('periodEnd');
    expect(refusalOf('PLAN.WRONG_STATUS', form, []).message).toBe('adminPlans.refused.status');
  });
});
