import { adoptionProblem, canPlan } from './plan-status';

describe('plan lifecycle', () => {
  it('edits and adopts drafts only; archives drafts and adopted plans', () => {
    expect([canPlan('edit', 'draft'), canPlan('edit', 'adopted'), canPlan('edit', 'archived')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([canPlan('adopt', 'draft'), canPlan('adopt', 'adopted'), canPlan('adopt', 'archived')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([canPlan('archive', 'draft'), canPlan('archive', 'adopted'), canPlan('archive', 'archived')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('adopts only with goals whose codes are unique, whatever their case', () => {
    expect(adoptionProblem([])).toBe('NO_GOALS');
    expect(adoptionProblem([{ code: 'G1' }, { code: 'g1' }])).toBe('DUPLICATE_GOAL_CODE');
    expect(adoptionProblem([{ code: 'G1' }, { code: 'G2' }])).toBeNull();
  });
});
