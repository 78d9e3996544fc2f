import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { blankTexts, localizedOf, TEXT_LANGUAGES, Texts, textsIn, textsOf } from '../../render/localized-fields';
import { methodProblems, RoundMethod } from '../../../modules/reviews/domain/rounds/round-method';
import { CreateRoundDto, methodOf } from '../../../modules/reviews/dto/round.dto';
import { MessageKey } from '../../i18n/catalogue';
import { FieldError } from '../../ui/form';
import { almatyDate, deadlineOfDate } from './deadline';

/** The most rows and levels a form may send: the DTO's own limits (30 criteria, scales up to 100). */
export const MAX_CRITERIA = 30;
const MAX_LEVELS = 101;
/** Levels a new row starts with: a 0..4 scale, as the Start Up rubric has. */
const NEW_ROW_LEVELS = 5;

export interface CriterionRow {
  code: string;
  title: Texts;
  /** What the criterion asks, for jurors and applicants: optional. */
  description: Texts;
  weight: string;
  max: string;
  /** The gate: empty for none. */
  min: string;
  levels: Texts[];
}

/** The method form as typed: every value a string, so a refused form comes back as it was sent. */
export interface MethodForm {
  name: string;
  /** yyyy-mm-dd: the last day of scoring, in Almaty. */
  deadline: string;
  rows: CriterionRow[];
  priorityCriterion: string;
  jurorsPerApplication: string;
  minLoad: string;
  maxLoad: string;
  quorum: string;
  disputeSpread: string;
  disputeMargin: string;
  /** Percent of the round, 0..100. */
  disputeMaxShare: string;
  calibratedDecisive: boolean;
  blind: boolean;
  advancement: string;
  advanceTop: string;
  advanceCutoff: string;
  advanceBudget: string;
}

const SCALARS = [
  'name',
  'deadline',
  'priorityCriterion',
  'jurorsPerApplication',
  'minLoad',
  'maxLoad',
  'quorum',
  'disputeSpread',
  'disputeMargin',
  'disputeMaxShare',
  'calibratedDecisive',
  'blind',
  'advancement',
  'advanceTop',
  'advanceCutoff',
  'advanceBudget',
] as const;

const count = (value: unknown, fallback: number, max: number): number =>
  typeof value === 'string' && /^\d{1,3}$/.test(value) ? Math.min(max, Math.max(1, Number(value))) : fallback;

export const emptyRow = (): CriterionRow => ({
  code: '',
  title: blankTexts(),
  description: blankTexts(),
  weight: '',
  max: '4',
  min: '',
  levels: Array.from({ length: NEW_ROW_LEVELS }, blankTexts),
});

/** The form of a stored method, to edit it. */
export function formOfMethod(name: string, deadline: Date, m: RoundMethod): MethodForm {
  const advancement = m.advancement;
  return {
    name,
    deadline: almatyDate(deadline),
    rows: m.criteria.map((c) => ({
      code: c.code,
      title: textsOf(c.title),
      description: textsOf(c.description),
      weight: String(c.weight),
      max: String(c.max),
      min: c.min === undefined ? '' : String(c.min),
      levels: Array.from({ length: c.max + 1 }, (_, level) => textsOf(c.descriptors[level])),
    })),
    priorityCriterion: m.priorityCriterion,
    jurorsPerApplication: String(m.jurorsPerApplication),
    minLoad: String(m.minLoad),
    maxLoad: String(m.maxLoad),
    quorum: String(m.quorum),
    disputeSpread: String(m.disputeSpread),
    disputeMargin: String(m.disputeMargin),
    disputeMaxShare: String(Math.round(m.disputeMaxShare * 10000) / 100),
    calibratedDecisive: m.calibratedDecisive,
    blind: m.blind,
    advancement: advancement.kind,
    advanceTop: advancement.kind === 'top' ? String(advancement.n) : '',
    advanceCutoff: advancement.kind === 'cutoff' ? String(advancement.score) : '',
    advanceBudget: advancement.kind === 'budget' ? String(advancement.multiple) : '',
  };
}

/** The rows and levels a post says it has (hidden fields), within the DTO's limits. */
export function shapeOf(body: unknown): number[] {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const rows = count(b.rows, 1, MAX_CRITERIA);
  return Array.from({ length: rows }, (_, i) => count(b[`levels-${i}`], NEW_ROW_LEVELS, MAX_LEVELS));
}

/** Every field name a method form of this shape may send, for readForm. */
export function methodFields(shape: number[]): string[] {
  const names: string[] = [...SCALARS, 'rows', 'action'];
  shape.forEach((levels, i) => {
    names.push(`code-${i}`, `weight-${i}`, `max-${i}`, `min-${i}`, `levels-${i}`);
    for (const language of TEXT_LANGUAGES) names.push(`title-${i}-${language}`, `description-${i}-${language}`);
    for (let level = 0; level < levels; level += 1)
      for (const language of TEXT_LANGUAGES) names.push(`level-${i}-${level}-${language}`);
  });
  return names;
}

/**
 * The form as posted. Each row shows the levels of the scale it now names (0..max), keeping what
 * was typed for the levels it had, so changing a scale's maximum gives the right number of fields.
 */
export function formOfInput(input: Record<string, string>, shape: number[]): MethodForm {
  const rows = shape.map((sent, i): CriterionRow => {
    const max = input[`max-${i}`] ?? '';
    const wanted = /^\d{1,3}$/.test(max) && Number(max) >= 1 && Number(max) < MAX_LEVELS ? Number(max) + 1 : sent;
    return {
      code: input[`code-${i}`] ?? '',
      title: textsIn(input, `title-${i}`),
      description: textsIn(input, `description-${i}`),
      weight: input[`weight-${i}`] ?? '',
      max,
      min: input[`min-${i}`] ?? '',
      levels: Array.from({ length: wanted }, (_, level) => textsIn(input, `level-${i}-${level}`)),
    };
  });
  const scalars = Object.fromEntries(SCALARS.map((name) => [name, input[name] ?? ''])) as Record<
    (typeof SCALARS)[number],
    string
  >;
  return { ...scalars, rows, calibratedDecisive: scalars.calibratedDecisive === 'yes', blind: scalars.blind === 'yes' };
}

const isEmptyRow = (row: CriterionRow): boolean =>
  !row.code &&
  !row.weight &&
  !Object.values(row.title).some(Boolean) &&
  !Object.values(row.description).some(Boolean) &&
  !row.levels.some((l) => Object.values(l).some(Boolean));

/** A number as typed ("2,5" too), or the text itself so the DTO's number check names the field. */
const numberOf = (text: string): number | string =>
  /^-?\d{1,9}([.,]\d{1,6})?$/.test(text) ? Number(text.replace(',', '.')) : text;

/**
 * What the form asks for, checked as the JSON API checks a round: the round DTO, then the
 * method's consistency (methodProblems). Every broken rule comes back as an error on its field.
 */
export function methodOfForm(form: MethodForm): {
  value: { name: string; deadline: Date; method: RoundMethod } | null;
  dto: CreateRoundDto | null;
  errors: FieldError[];
} {
  const rowIndex: number[] = [];
  const criteria = form.rows.flatMap((row, i) => {
    if (isEmptyRow(row)) return [];
    rowIndex.push(i);
    return [
      {
        code: row.code,
        title: localizedOf(row.title),
        weight: numberOf(row.weight),
        max: numberOf(row.max),
        descriptors: row.levels.map(localizedOf),
        ...(row.min ? { min: numberOf(row.min) } : {}),
        ...(Object.values(row.description).some(Boolean) ? { description: localizedOf(row.description) } : {}),
      },
    ];
  });
  const share = numberOf(form.disputeMaxShare);
  const kind = form.advancement;
  const body = {
    name: form.name,
    deadline: deadlineOfDate(form.deadline) ?? form.deadline,
    criteria,
    priorityCriterion: form.priorityCriterion,
    jurorsPerApplication: numberOf(form.jurorsPerApplication),
    minLoad: form.minLoad === '' ? 0 : numberOf(form.minLoad),
    maxLoad: numberOf(form.maxLoad),
    quorum: numberOf(form.quorum),
    disputeSpread: numberOf(form.disputeSpread),
    disputeMargin: numberOf(form.disputeMargin),
    disputeMaxShare: typeof share === 'number' ? share / 100 : share,
    calibratedDecisive: form.calibratedDecisive,
    blind: form.blind,
    advancement: {
      kind,
      ...(kind === 'top' ? { n: numberOf(form.advanceTop) } : {}),
      ...(kind === 'cutoff' ? { score: numberOf(form.advanceCutoff) } : {}),
      ...(kind === 'budget' ? { multiple: numberOf(form.advanceBudget) } : {}),
    },
  };
  const dto = plainToInstance(CreateRoundDto, body);
  const errors = new Map<string, FieldError>();
  const add = (path: string) => {
    const error = fieldErrorOf(path, rowIndex, form);
    if (!errors.has(error.field)) errors.set(error.field, error);
  };
  for (const path of pathsOf(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }))) add(path);
  if (errors.size === 0) {
    const method = methodOf(dto);
    for (const problem of methodProblems(method)) add(problem.field);
    if (errors.size === 0) return { value: { name: dto.name, deadline: dto.deadline, method }, dto, errors: [] };
  }
  // In the order of the form: the round, the rubric row by row, then the rest.
  const fields = methodFields(form.rows.map((r) => r.levels.length));
  const order = ['name', 'deadline', ...fields.filter((f) => /-\d+/.test(f)), ...fields.filter((f) => !/-\d+/.test(f))];
  const position = (field: string) => (order.indexOf(field) === -1 ? order.length : order.indexOf(field));
  return { value: null, dto: null, errors: [...errors.values()].sort((a, b) => position(a.field) - position(b.field)) };
}

function pathsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return [...(e.constraints ? [path] : []), ...pathsOf(e.children ?? [], path)];
  });
}

const SCALAR_MESSAGES: Record<string, MessageKey> = {
  name: 'managerRounds.error.name',
  deadline: 'managerRounds.error.deadline',
  priorityCriterion: 'managerRounds.error.priority',
  jurorsPerApplication: 'managerRounds.error.jurors',
  minLoad: 'managerRounds.error.minLoad',
  maxLoad: 'managerRounds.error.maxLoad',
  quorum: 'managerRounds.error.quorum',
  disputeSpread: 'managerRounds.error.disputeSpread',
  disputeMargin: 'managerRounds.error.disputeMargin',
  disputeMaxShare: 'managerRounds.error.disputeShare',
  calibratedDecisive: 'managerRounds.error.method',
  blind: 'managerRounds.error.method',
};

const ADVANCE_FIELDS = {
  top: ['advanceTop', 'managerRounds.error.advanceTop'],
  cutoff: ['advanceCutoff', 'managerRounds.error.advanceCutoff'],
  budget: ['advanceBudget', 'managerRounds.error.advanceBudget'],
} as const satisfies Record<string, readonly [string, MessageKey]>;

/** The form field and message of a broken rule, by the DTO's or methodProblems' path. */
function fieldErrorOf(path: string, rowIndex: number[], form: MethodForm): FieldError {
  const row = /^criteria\.(\d+)\.(\w+)(?:\.(\d+))?/.exec(path);
  if (row) {
    const i = rowIndex[Number(row[1])];
    const number = { number: i + 1 };
    switch (row[2]) {
      case 'code':
        return { field: `code-${i}`, message: 'managerRounds.error.code', params: number };
      case 'title':
        return { field: `title-${i}-kk`, message: 'managerRounds.error.title', params: number };
      case 'description': {
        const language = /\.(kk|ru|en)$/.exec(path)?.[1] ?? 'kk';
        return { field: `description-${i}-${language}`, message: 'managerRounds.error.description', params: number };
      }
      case 'weight':
        return { field: `weight-${i}`, message: 'managerRounds.error.weight', params: number };
      case 'max':
        return { field: `max-${i}`, message: 'managerRounds.error.max', params: number };
      case 'min':
        return { field: `min-${i}`, message: 'managerRounds.error.gate', params: number };
      default: {
        // "Each descriptor" rules name the list, not the level: point at the first level left empty.
        const empty = form.rows[i].levels.findIndex((l) => !Object.values(l).some(Boolean));
        return {
          field: `level-${i}-${row[3] ?? Math.max(0, empty)}-kk`,
          message: 'managerRounds.error.levels',
          params: { ...number, count: form.rows[i].levels.length },
        };
      }
    }
  }
  if (path === 'criteria') return { field: 'code-0', message: 'managerRounds.error.criteria' };
  if (path.startsWith('advancement')) {
    const advance = ADVANCE_FIELDS[form.advancement as keyof typeof ADVANCE_FIELDS];
    return advance
      ? { field: advance[0], message: advance[1] }
      : { field: 'advancement', message: 'managerRounds.error.advancement' };
  }
  return {
    field: path in SCALAR_MESSAGES ? path : 'name',
    message: SCALAR_MESSAGES[path] ?? 'managerRounds.error.method',
  };
}

/** The fields a browser posts for this form (the inverse of formOfInput): for tests and tools. */
export function postedFields(form: MethodForm, action = 'save'): Record<string, string> {
  const fields: Record<string, string> = { action, rows: String(form.rows.length) };
  for (const name of SCALARS) {
    const value = form[name];
    if (typeof value === 'boolean') {
      if (value) fields[name] = 'yes';
    } else fields[name] = value;
  }
  form.rows.forEach((row, i) => {
    Object.assign(fields, {
      [`code-${i}`]: row.code,
      [`weight-${i}`]: row.weight,
      [`max-${i}`]: row.max,
      [`min-${i}`]: row.min,
      [`levels-${i}`]: String(row.levels.length),
    });
    for (const language of TEXT_LANGUAGES) {
      fields[`title-${i}-${language}`] = row.title[language];
      fields[`description-${i}-${language}`] = row.description[language];
    }
    row.levels.forEach((level, l) => {
      for (const language of TEXT_LANGUAGES) fields[`level-${i}-${l}-${language}`] = level[language];
    });
  });
  return fields;
}
