import { DevelopmentPlan } from '../../modules/plans/entities/development-plan.entity';
import { PlanGoalView } from './goals.page';

/** The goals of a plan as the pages show them, most pressing first (the order the plan keeps). */
export function planGoals(plan: DevelopmentPlan | null): PlanGoalView[] {
  return (plan?.goals ?? []).map((g) => ({ id: g.id, code: g.code, title: g.title, description: g.description }));
}
