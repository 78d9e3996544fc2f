import { DomainError } from '../../../common/errors/domain-error';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { MessageKey } from '../../i18n/catalogue';
import { FieldError } from '../../ui/form';

/** Where each row the API saw came from in the form (blank rows are not sent). */
export interface RowIndex {
  envelopes: number[];
  tranches: number[];
  floors: number[];
}

/** The stored lists as they are: row n of the API is row n of the form. */
export const identityRows = (lengths: { envelopes: number; tranches: number; floors: number }): RowIndex => ({
  envelopes: Array.from({ length: lengths.envelopes }, (_, i) => i),
  tranches: Array.from({ length: lengths.tranches }, (_, i) => i),
  floors: Array.from({ length: lengths.floors }, (_, i) => i),
});

const E = (key: string) => `managerCompetitions.error.${key}` as MessageKey;

/** Top-level fields: the form field and the message for a value the DTO refuses. */
const SCALAR: Record<string, [string, string]> = {
  code: ['code', 'code'],
  title: ['title-kk', 'title'],
  description: ['description-kk', 'description'],
  budget: ['budget', 'budget'],
  minAward: ['minAward', 'minAward'],
  maxAward: ['maxAward', 'maxAward'],
  minOwnShareBp: ['minOwnShare', 'minOwnShare'],
  maxApplicationsPerApplicant: ['maxApplications', 'maxApplications'],
  opensAt: ['opensAt', 'opensAt'],
  closesAt: ['closesAt', 'closesAt'],
  eligibleVillageIds: ['eligible', 'eligible'],
  eligibleDistrictIds: ['eligible', 'eligible'],
  envelopes: ['envelopes', 'envelopes'],
  'awardRules.trancheTemplate': ['tranche-0-share', 'tranches'],
  'awardRules.floors': ['floors', 'floors'],
  'awardRules.partialMinShareBp': ['partialMinShare', 'partialMinShare'],
  'awardRules.acceptanceDays': ['acceptanceDays', 'acceptanceDays'],
};

/**
 * The rule checks' own words (competition-rules.ts, award-rules.ts) matched to messages of their
 * own, so the manager reads the rule that was broken, not only the field; anything not matched
 * gets the field's message.
 */
const RULES: [RegExp, string][] = [
  [/^budget must be greater than zero/, 'budgetPositive'],
  [/^minAward must be greater than zero/, 'minAwardPositive'],
  [/^maxAward must not be below minAward/, 'maxBelowMin'],
  [/^maxAward must not exceed the budget/, 'maxOverBudget'],
  [/^closesAt must be after opensAt/, 'closesBeforeOpens'],
  [/^closesAt has already passed/, 'closesPassed'],
  [/^name at least one eligible village/, 'eligibleNone'],
  [/^no eligible village has an adopted/, 'eligibleNoPlan'],
  [/^an envelope names exactly one/, 'envelopePlace'],
  [/^an envelope amount must be greater/, 'envelopePositive'],
  [/^an envelope must not exceed the budget/, 'envelopeOverBudget'],
  [/^one envelope per district or village/, 'envelopeDuplicate'],
  [/^an envelope district must be one of/, 'envelopeDistrict'],
  [/^an envelope village must be eligible/, 'envelopeVillage'],
  [/^a schedule needs at least one tranche/, 'tranches'],
  [/^the shares add up to/, 'trancheSum'],
  [/^at most \d+ tranches/, 'trancheMax'],
  [/^tranche \d+: share/, 'trancheShare'],
  [/^a tranche released by a report needs/, 'trancheDue'],
  [/^only a tranche released by a report/, 'trancheNoDue'],
  [/^one floor per district/, 'floorDuplicate'],
  [/belongs to another competition/, 'codeTaken'],
];

const ROW = /^(envelopes|awardRules\.trancheTemplate|awardRules\.floors)\.(\d+)(?:\.(\w+))?(?:\.(\w+))?/;

/** The form field a row path names, and the message for a value the DTO refuses there. */
function rowField(path: string, rows: RowIndex): { field: string; message: string; number: number } | null {
  const match = ROW.exec(path);
  if (!match) return null;
  const [, list, at, property, language] = match;
  if (list === 'envelopes') {
    const i = rows.envelopes[Number(at)] ?? Number(at);
    const amount = property === 'amount';
    return {
      field: `envelope-${i}-${amount ? 'amount' : 'place'}`,
      message: amount ? 'envelopeAmount' : 'envelopePlace',
      number: i + 1,
    };
  }
  if (list === 'awardRules.floors') {
    const i = rows.floors[Number(at)] ?? Number(at);
    const grants = property === 'grants';
    return {
      field: `floor-${i}-${grants ? 'grants' : 'district'}`,
      message: grants ? 'floorGrants' : 'floorDistrict',
      number: i + 1,
    };
  }
  const i = rows.tranches[Number(at)] ?? Number(at);
  const [suffix, message] =
    property === 'label'
      ? [language && ['kk', 'ru', 'en'].includes(language) ? language : 'kk', 'trancheLabel']
      : property === 'reportRequired'
        ? ['release', 'trancheRelease']
        : property === 'dueDays'
          ? ['due', 'trancheDueDays']
          : ['share', 'trancheShare'];
  return { field: `tranche-${i}-${suffix}`, message, number: i + 1 };
}

/** The message of its own a rule check's sentence has, if any. */
export const ruleMessageOf = (problem: string): string | undefined =>
  RULES.find(([pattern]) => pattern.test(problem))?.[1];

/** A field path of the DTO or of a rule check, with the rule's words when there are any, as a form error. */
export function setupError(path: string, problem: string | null, rows: RowIndex): FieldError {
  const rule = problem ? ruleMessageOf(problem) : undefined;
  // "tranche 2: share ..." names its row in the words, not in the path.
  const nth = problem ? /^tranche (\d+):/.exec(problem)?.[1] : undefined;
  const row = rowField(nth ? `${path}.${Number(nth) - 1}.shareBp` : path, rows);
  const sum = problem ? /add up to (\d+) basis points/.exec(problem)?.[1] : undefined;
  const params: Record<string, string | number> = {
    ...(row ? { number: row.number } : {}),
    ...(sum !== undefined ? { sum: String(Number(sum) / 100).replace('.', ',') } : {}),
  };
  if (row) return { field: row.field, message: E(rule ?? row.message), params };
  const [, language] = /^(?:title|description)\.(kk|ru|en)$/.exec(path) ?? [];
  if (language) {
    const name = path.split('.')[0];
    return { field: `${name}-${language}`, message: E(name), params };
  }
  const scalar = SCALAR[path];
  if (scalar) return { field: scalar[0], message: E(rule ?? scalar[1]), params };
  return { field: 'code', message: E(rule ?? 'invalid'), params };
}

/**
 * The service's refusal of a create, an edit or an opening, each problem on its field; null for a
 * refusal that belongs to no field (a wrong status, not found).
 */
export function refusalErrors(error: unknown, rows: RowIndex): FieldError[] | null {
  if (!(error instanceof DomainError)) return null;
  const fields = (error.details?.fields ?? []) as { field: string; problems: string[] }[];
  switch (error.code) {
    case CompetitionErrors.INVALID_RULES.code:
    case CompetitionErrors.NOT_READY_TO_OPEN.code:
    case CompetitionErrors.CODE_TAKEN.code:
      if (error.code === CompetitionErrors.CODE_TAKEN.code && fields.length === 0)
        return [{ field: 'code', message: E('codeTaken') }];
      return fields.flatMap((f) => f.problems.map((p) => setupError(f.field, p, rows)));
    case CompetitionErrors.PLACE_NOT_FOUND.code:
      return [{ field: 'eligible', message: E('placeNotFound') }];
    default:
      return null;
  }
}
