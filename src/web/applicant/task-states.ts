import { Application } from '../../modules/applications/entities/application.entity';

export type TaskState = 'notStarted' | 'inProgress' | 'completed' | 'optional';

export const TASKS = ['project', 'goals', 'budget', 'files'] as const;
export type Task = (typeof TASKS)[number];

/**
 * How far each step of a draft is, for the task list: a hint to the applicant, not a rule (the
 * submission checks every rule itself). Documents are optional: "optional" until one is there.
 */
export function taskStates(a: Application, files: number): Record<Task, TaskState> {
  const goals = a.goals ?? [];
  const lines = a.budgetLines ?? [];
  const projectTouched = Boolean(a.title || a.summary || a.description || a.jobsCreated || a.plannedStart);
  return {
    project: a.title.trim() && a.summary.trim() ? 'completed' : projectTouched ? 'inProgress' : 'notStarted',
    goals: goals.length === 0 ? 'notStarted' : goals.every((g) => g.contribution.trim()) ? 'completed' : 'inProgress',
    budget: lines.length > 0 ? 'completed' : 'notStarted',
    files: files > 0 ? 'completed' : 'optional',
  };
}
