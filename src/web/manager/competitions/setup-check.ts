import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CreateCompetitionDto } from '../../../modules/competitions/dto/competition.dto';
import { FieldError } from '../../ui/form';
import { parseTenge } from '../../i18n/tenge';
import { almatyOffset } from '../rounds/deadline';
import { localizedOf, TEXT_LANGUAGES } from '../../render/localized-fields';
import { SetupForm } from './setup-form';
import { setupError, RowIndex } from './setup-problems';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An amount in tenge as tiyn, or the text itself so the DTO's money check names the field. */
const moneyOf = (text: string): string => parseTenge(text) ?? (text === '' ? '' : `not money: ${text}`);
/** A percent ("20", "12,5") in basis points, or the text so the DTO's integer check names the field. */
export function bpOf(text: string): number | string {
  const compact = text.replace(/\s|%/g, '');
  return /^\d{1,3}([.,]\d{1,2})?$/.test(compact) ? Math.round(Number(compact.replace(',', '.')) * 100) : text;
}
const intOf = (text: string): number | string => (/^\d{1,9}$/.test(text) ? Number(text) : text);

/**
 * A day and a time of day in Almaty as ISO 8601 with Almaty's offset on that day; anything else is
 * passed on as typed (the DTO's date check names the field).
 */
export function almatyInstant(day: string, time: string): string {
  if (!DAY.test(day) || !TIME.test(time)) return `${day} ${time}`.trim();
  const check = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return `${day} ${time}`;
  return `${day}T${time}:00${almatyOffset(day)}`;
}

/** The rows a list actually sends (blank rows are left out), and where each came from in the form. */
function kept<T>(rows: T[], blank: (row: T) => boolean): { rows: T[]; index: number[] } {
  const index: number[] = [];
  const out = rows.filter((row, i) => {
    if (blank(row)) return false;
    index.push(i);
    return true;
  });
  return { rows: out, index };
}

/**
 * The JSON API's create body for the form: amounts in tiyn, percents in basis points, dates in
 * Almaty with their offset. A value that is not what its field asks for is passed on as typed, so
 * the API's own validation names that field.
 */
export function bodyOfForm(form: SetupForm): { body: Record<string, unknown>; rows: RowIndex } {
  const envelopes = kept(form.envelopes, (r) => !r.place && !r.amount);
  const tranches = kept(form.tranches, (r) => !r.share && !r.due && !Object.values(r.label).some(Boolean));
  const floors = kept(form.floors, (r) => !r.district && !r.grants);
  const body = {
    code: form.code,
    title: localizedOf(form.title),
    description: Object.values(form.description).some(Boolean) ? localizedOf(form.description) : null,
    budget: moneyOf(form.budget),
    minAward: moneyOf(form.minAward),
    maxAward: moneyOf(form.maxAward),
    minOwnShareBp: form.minOwnShare === '' ? 0 : bpOf(form.minOwnShare),
    maxApplicationsPerApplicant: intOf(form.maxApplications),
    opensAt: almatyInstant(form.opensAt, form.opensAtTime),
    closesAt: almatyInstant(form.closesAt, form.closesAtTime),
    eligibleDistrictIds: form.districts,
    eligibleVillageIds: form.villages,
    envelopes: envelopes.rows.map((r) => {
      const [kind, id] = r.place.split(':');
      return {
        ...(kind === 'district' ? { districtId: id } : kind === 'village' ? { villageId: id } : {}),
        amount: moneyOf(r.amount),
      };
    }),
    awardRules: {
      trancheTemplate: tranches.rows.map((r) => ({
        label: localizedOf(r.label),
        shareBp: bpOf(r.share),
        reportRequired: r.release === 'report' ? true : r.release === 'signing' ? false : r.release,
        dueDays: r.due === '' ? null : intOf(r.due),
      })),
      floors: floors.rows.map((r) => ({ districtId: r.district, grants: intOf(r.grants) })),
      partialMinShareBp: form.partialMinShare === '' ? null : bpOf(form.partialMinShare),
      acceptanceDays: intOf(form.acceptanceDays),
    },
  };
  return { body, rows: { envelopes: envelopes.index, tranches: tranches.index, floors: floors.index } };
}

function pathsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return [...(e.constraints ? [path] : []), ...pathsOf(e.children ?? [], path)];
  });
}

/** Field errors in the order the form shows its fields, one per field. */
export function inFormOrder(errors: FieldError[], form: SetupForm): FieldError[] {
  const order = [
    'code',
    ...TEXT_LANGUAGES.map((l) => `title-${l}`),
    ...TEXT_LANGUAGES.map((l) => `description-${l}`),
    'budget',
    'minAward',
    'maxAward',
    'minOwnShare',
    'maxApplications',
    'opensAt',
    'closesAt',
    'eligible',
    ...form.envelopes.flatMap((_, i) => [`envelope-${i}-place`, `envelope-${i}-amount`]),
    ...form.tranches.flatMap((_, i) => [
      ...TEXT_LANGUAGES.map((l) => `tranche-${i}-${l}`),
      `tranche-${i}-share`,
      `tranche-${i}-release`,
      `tranche-${i}-due`,
    ]),
    ...form.floors.flatMap((_, i) => [`floor-${i}-district`, `floor-${i}-grants`]),
    'partialMinShare',
    'acceptanceDays',
  ];
  const position = (field: string) => (order.indexOf(field) === -1 ? order.length : order.indexOf(field));
  const unique = new Map<string, FieldError>();
  for (const error of errors) if (!unique.has(error.field)) unique.set(error.field, error);
  return [...unique.values()].sort((a, b) => position(a.field) - position(b.field));
}

/**
 * The form checked as the JSON API checks a competition's body (CreateCompetitionDto): the DTO to
 * give the service, or every broken field named. The rules between fields (the award limits
 * against the budget, the tranche shares adding up to 100 %) are the service's: its refusal is
 * put on the fields by `setupError` too.
 */
export function checkSetupForm(form: SetupForm): {
  dto: CreateCompetitionDto | null;
  errors: FieldError[];
  rows: RowIndex;
} {
  const { body, rows } = bodyOfForm(form);
  const dto = plainToInstance(CreateCompetitionDto, body);
  const paths = pathsOf(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (paths.length === 0) return { dto, errors: [], rows };
  return {
    dto: null,
    errors: inFormOrder(
      paths.map((path) => setupError(path, null, rows)),
      form,
    ),
    rows,
  };
}
