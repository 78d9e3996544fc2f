export const PLAN_STATUSES = ['draft', 'adopted', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type PlanAction = 'edit' | 'adopt' | 'archive';

/** Which statuses each action may start from, and where it leads. */
export const PLAN_TRANSITIONS: Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  adopt: { from: ['draft'], to: 'adopted' },
  archive: { from: ['draft', 'adopted'], to: 'archived' },
};

export function canPlan(action: PlanAction, status: PlanStatus): boolean {
  return PLAN_TRANSITIONS[action].from.includes(status);
}

export interface GoalDraft {
  code: string;
}

/** A plan can be adopted only with goals, each code used once. Returns an error code or null. */
export function adoptionProblem(goals: GoalDraft[]): 'NO_GOALS' | 'DUPLICATE_GOAL_CODE' | null {
  if (goals.length === 0) return 'NO_GOALS';
  const codes = new Set(goals.map((g) => g.code.toUpperCase()));
  return codes.size === goals.length ? null : 'DUPLICATE_GOAL_CODE';
}
