import { DraftContentDto } from '../../modules/applications/dto/application.dto';
import { Application } from '../../modules/applications/entities/application.entity';
import { MessageKey } from '../i18n/catalogue';
import { FieldError } from '../ui/form';
import { validateDraft } from './draft-validation';
import { GoalChoice, PlanGoalView } from './goals.page';
import { ProjectForm } from './project.page';

const PROJECT_MESSAGES: Record<keyof ProjectForm, MessageKey> = {
  title: 'applySteps.error.title',
  summary: 'applySteps.error.summary',
  description: 'applySteps.error.description',
  sector: 'applySteps.error.sector',
  jobsCreated: 'applySteps.error.jobs',
  plannedStart: 'applySteps.error.start',
  durationMonths: 'applySteps.error.duration',
};

export function projectForm(a: Application): ProjectForm {
  return {
    title: a.title,
    summary: a.summary,
    description: a.description,
    sector: a.sector,
    jobsCreated: String(a.jobsCreated),
    plannedStart: a.plannedStart ?? '',
    durationMonths: a.durationMonths === null ? '' : String(a.durationMonths),
  };
}

/** A whole number as typed, or the text itself so that the DTO refuses it by name. */
const count = (value: string): number | string => (/^\d{1,6}$/.test(value) ? Number(value) : value);

/**
 * The project step's draft content, checked by the draft DTO. An empty number means "not given":
 * no jobs, and no start date or duration yet (left as they are).
 */
export async function projectContent(form: ProjectForm): Promise<{ content: DraftContentDto; errors: FieldError[] }> {
  const { dto, refused } = await validateDraft({
    title: form.title,
    summary: form.summary,
    description: form.description,
    ...(form.sector && { sector: form.sector }),
    jobsCreated: form.jobsCreated ? count(form.jobsCreated) : 0,
    ...(form.plannedStart && { plannedStart: form.plannedStart }),
    ...(form.durationMonths && { durationMonths: count(form.durationMonths) }),
  });
  const errors = refused
    .filter((path): path is keyof ProjectForm => path in PROJECT_MESSAGES)
    .map((field) => ({ field, message: PROJECT_MESSAGES[field] }));
  return { content: dto, errors };
}

/**
 * The goals step's draft content: the chosen goals of the plan, in the plan's order, each with its
 * sentence; a chosen goal without one is a problem at its sentence.
 */
export async function goalsContent(
  goals: PlanGoalView[],
  input: Record<string, string>,
): Promise<{ content: DraftContentDto; choices: GoalChoice[]; errors: FieldError[] }> {
  const choices = goals.map((goal, i) => ({ chosen: input[`goal-${i}`] === goal.id, how: input[`how-${i}`] ?? '' }));
  const chosen = goals.map((goal, i) => ({ goal, i })).filter(({ i }) => choices[i].chosen);
  const { dto, refused } = await validateDraft({
    goals: chosen.map(({ goal, i }) => ({ goalId: goal.id, contribution: choices[i].how })),
  });
  const errors: FieldError[] = [];
  chosen.forEach(({ i }, k) => {
    if (refused.some((path) => path.startsWith(`goals.${k}.`)))
      errors.push({ field: `how-${i}`, message: 'applySteps.error.how' });
  });
  return { content: dto, choices, errors };
}
