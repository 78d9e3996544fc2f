import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CreatePlanDto } from '../../../modules/plans/dto/plan.dto';
import { DevelopmentPlan } from '../../../modules/plans/entities/development-plan.entity';
import { MessageKey } from '../../i18n/catalogue';
import { blankTexts, localizedOf, TEXT_LANGUAGES, Texts, textsIn, textsOf } from '../../render/localized-fields';
import { FieldError } from '../../ui/form';

/** The DTO's own limit on goals. */
export const MAX_GOALS = 50;

export interface GoalRow {
  code: string;
  title: Texts;
  description: Texts;
  priority: string;
}

/** A plan's form as typed: every value a string, so a refused form comes back as it was sent. */
export interface PlanForm {
  title: string;
  periodStart: string;
  periodEnd: string;
  goals: GoalRow[];
}

export const emptyGoal = (): GoalRow => ({ code: '', title: blankTexts(), description: blankTexts(), priority: '' });
export const emptyPlanForm = (): PlanForm => ({ title: '', periodStart: '', periodEnd: '', goals: [emptyGoal()] });

export function formOfPlan(plan: DevelopmentPlan): PlanForm {
  const goals = (plan.goals ?? []).map((g) => ({
    code: g.code,
    title: textsOf(g.title),
    description: textsOf(g.description),
    priority: String(g.priority),
  }));
  return {
    title: plan.title,
    periodStart: String(plan.periodStart),
    periodEnd: String(plan.periodEnd),
    goals: goals.length ? goals : [emptyGoal()],
  };
}

/** How many goal rows a post says it has (a hidden field), within the DTO's limit. */
export function rowsOf(body: unknown): number {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).rows : undefined;
  return typeof value === 'string' && /^\d{1,3}$/.test(value) ? Math.min(MAX_GOALS, Math.max(1, Number(value))) : 1;
}

/** Every field name a plan form with this many goal rows may send, in the form's order, for readForm. */
export function planFields(rows: number): string[] {
  const names = ['title', 'periodStart', 'periodEnd', 'rows', 'action', 'village'];
  for (let i = 0; i < rows; i += 1) {
    names.push(`code-${i}`);
    for (const l of TEXT_LANGUAGES) names.push(`title-${i}-${l}`);
    for (const l of TEXT_LANGUAGES) names.push(`description-${i}-${l}`);
    names.push(`priority-${i}`);
  }
  return names;
}

export function formOfInput(input: Record<string, string>, rows: number): PlanForm {
  return {
    title: input.title ?? '',
    periodStart: input.periodStart ?? '',
    periodEnd: input.periodEnd ?? '',
    goals: Array.from({ length: rows }, (_, i) => ({
      code: input[`code-${i}`] ?? '',
      title: textsIn(input, `title-${i}`),
      description: textsIn(input, `description-${i}`),
      priority: input[`priority-${i}`] ?? '',
    })),
  };
}

/** Adds an empty goal row or removes one; null when the post is a save. */
export function changedRows(form: PlanForm, action: string): PlanForm | null {
  const removed = /^remove-(\d+)$/.exec(action)?.[1];
  if (removed !== undefined) {
    const goals = form.goals.filter((_, i) => String(i) !== removed);
    return { ...form, goals: goals.length ? goals : [emptyGoal()] };
  }
  if (action === 'add')
    return { ...form, goals: form.goals.length < MAX_GOALS ? [...form.goals, emptyGoal()] : form.goals };
  return null;
}

const isBlank = (g: GoalRow) =>
  !g.code && !g.priority && !Object.values(g.title).some(Boolean) && !Object.values(g.description).some(Boolean);
/** A whole number as typed, or the text itself so the DTO's integer check names the field. */
const intOf = (text: string): number | string => (/^-?\d{1,9}$/.test(text) ? Number(text) : text);

const MESSAGES: Record<string, MessageKey> = {
  title: 'adminPlans.error.title',
  periodStart: 'adminPlans.error.year',
  periodEnd: 'adminPlans.error.year',
};

/** A DTO path ("goals.1.title.kk") as the form's field and its message. */
function fieldOf(path: string, index: number[]): FieldError {
  const goal = /^goals\.(\d+)\.(\w+)(?:\.(\w+))?/.exec(path);
  if (!goal) {
    const field = path.split('.')[0];
    return { field: MESSAGES[field] ? field : 'title', message: MESSAGES[field] ?? 'adminPlans.error.title' };
  }
  const row = index[Number(goal[1])] ?? 0;
  const [, , name, language] = goal;
  const lang = language && (TEXT_LANGUAGES as readonly string[]).includes(language) ? language : 'kk';
  if (name === 'title') return { field: `title-${row}-${lang}`, message: 'adminPlans.error.goalTitle' };
  if (name === 'description') return { field: `description-${row}-${lang}`, message: 'adminPlans.error.description' };
  if (name === 'priority') return { field: `priority-${row}`, message: 'adminPlans.error.priority' };
  return { field: `code-${row}`, message: 'adminPlans.error.code' };
}

function pathsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return [...(e.constraints ? [path] : []), ...pathsOf(e.children ?? [], path)];
  });
}

/**
 * The form checked as the JSON API checks POST /api/plans (CreatePlanDto): the DTO for the
 * service, or every broken field named once, in the form's order. Blank goal rows are left out.
 */
export function checkPlanForm(
  form: PlanForm,
  villageId: string,
): { dto: CreatePlanDto | null; errors: FieldError[]; index: number[] } {
  const index: number[] = [];
  const goals = form.goals.flatMap((g, i) => {
    if (isBlank(g)) return [];
    index.push(i);
    return [
      {
        code: g.code,
        title: localizedOf(g.title),
        description: Object.values(g.description).some(Boolean) ? localizedOf(g.description) : null,
        priority: intOf(g.priority),
      },
    ];
  });
  const body = {
    villageId,
    title: form.title,
    periodStart: intOf(form.periodStart),
    periodEnd: intOf(form.periodEnd),
    goals,
  };
  const dto = plainToInstance(CreatePlanDto, body);
  const errors = new Map<string, FieldError>();
  for (const path of pathsOf(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }))) {
    const error = fieldOf(path, index);
    if (!errors.has(error.field)) errors.set(error.field, error);
  }
  if (errors.size === 0) return { dto, errors: [], index };
  const order = planFields(form.goals.length);
  const position = (field: string) => (order.indexOf(field) === -1 ? order.length : order.indexOf(field));
  return { dto: null, errors: [...errors.values()].sort((a, b) => position(a.field) - position(b.field)), index };
}

/** The service's refusals in words, on the field they concern when there is one. */
export function refusalOf(code: string, form: PlanForm, index: number[]): FieldError {
  switch (code) {
    case 'PLAN.WRONG_PERIOD':
      return { field: 'periodEnd', message: 'adminPlans.refused.period' };
    case 'PLAN.DUPLICATE_GOAL_CODE': {
      const seen = new Set<string>();
      const row = index.find((i) => {
        const code = form.goals[i].code.toUpperCase();
        if (seen.has(code)) return true;
        seen.add(code);
        return false;
      });
      return { field: `code-${row ?? index[0] ?? 0}`, message: 'adminPlans.refused.duplicateCode' };
    }
    case 'PLAN.NO_GOALS':
      return { field: 'code-0', message: 'adminPlans.refused.noGoals' };
    case 'PLAN.VILLAGE_NOT_FOUND':
      return { field: 'title', message: 'adminPlans.refused.village' };
    case 'PLAN.ALREADY_ADOPTED':
      return { field: 'title', message: 'adminPlans.refused.alreadyAdopted' };
    default:
      return { field: 'title', message: 'adminPlans.refused.status' };
  }
}
