import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const PlanErrors = defineErrors('PLAN', {
  NOT_FOUND: { kind: 'not_found', message: 'Development plan not found' },
  NOT_DRAFT: { kind: 'conflict', message: 'Only a draft plan can be changed' },
  WRONG_STATUS: { kind: 'conflict', message: 'The plan is not in a status that allows this' },
  WRONG_PERIOD: { kind: 'validation', message: 'The plan period ends before it starts' },
  NO_GOALS: { kind: 'rule', message: 'A plan needs at least one goal before it is adopted' },
  DUPLICATE_GOAL_CODE: { kind: 'rule', message: 'Each goal code may appear once in a plan' },
  ALREADY_ADOPTED: { kind: 'conflict', message: 'The village already has an adopted plan' },
  VILLAGE_NOT_FOUND: { kind: 'rule', message: 'The village does not exist' },
  NO_ADOPTED_PLAN: { kind: 'not_found', message: 'The village has no adopted plan' },
  DRAFTS_FORBIDDEN: { kind: 'forbidden', message: 'Only admins can read draft plans' },
});

registerConstraintErrors({
  UQ_development_plans_one_adopted: PlanErrors.ALREADY_ADOPTED,
  UQ_plan_goals_plan_code: PlanErrors.DUPLICATE_GOAL_CODE,
  FK_development_plans_village: PlanErrors.VILLAGE_NOT_FOUND,
});
