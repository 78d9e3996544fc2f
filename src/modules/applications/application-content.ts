import { Application } from './entities/application.entity';

/**
 * The proposal itself as plain JSON (money as integer strings): what the applicant wrote, without
 * who they are. The snapshot frozen at submission and the API's view both start from it.
 */
export function applicationContent(a: Application) {
  return {
    title: a.title,
    summary: a.summary,
    description: a.description,
    sector: a.sector,
    goals: (a.goals ?? []).map((g) => ({ goalId: g.goalId, contribution: g.contribution })),
    requestedAmount: a.requestedAmount.toString(),
    ownContribution: a.ownContribution.toString(),
    budgetLines: (a.budgetLines ?? []).map((l) => ({
      category: l.category,
      description: l.description,
      amount: l.amount.toString(),
      source: l.source,
    })),
    jobsCreated: a.jobsCreated,
    plannedStart: a.plannedStart,
    durationMonths: a.durationMonths,
  };
}
