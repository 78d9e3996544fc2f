import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DatabaseErrors } from '../../../common/errors/common.errors';
import { DomainError } from '../../../common/errors/domain-error';
import { errorForConstraint } from '../../../common/errors/constraint-errors';
import { QueryFailedError } from 'typeorm';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { CreateDistrictDto, CreateRegionDto, UpdatePlaceDto } from '../../../modules/geography/dto/geography.dto';
import { GeographyErrors } from '../../../modules/geography/geography.errors';
import { MessageKey } from '../../i18n/catalogue';
import { readForm } from '../../render/form-input';
import { FieldError } from '../../ui/form';

/** The longest name the API takes, per language. */
export const NAME_MAX = 200;
const LANGS = ['kk', 'ru', 'en'] as const;

/** A place's fields as typed: a name per language and the KATO code, each possibly empty. */
export interface PlaceForm {
  kk: string;
  ru: string;
  en: string;
  katoCode: string;
  regionId: string;
}
export const EMPTY_PLACE: PlaceForm = { kk: '', ru: '', en: '', katoCode: '', regionId: '' };

/** The forms' field names: each form on a page has its own prefix so their ids stay unique. */
export const fieldName = (prefix: string, field: keyof PlaceForm) => `${prefix}${field}`;

/** Reads one place form (a forged field refuses the whole form, as readForm does). */
export function readPlace(body: unknown, prefix: string, withRegion = false): PlaceForm {
  const fields = [...LANGS, 'katoCode', ...(withRegion ? ['regionId'] : [])] as (keyof PlaceForm)[];
  const raw = readForm(
    body,
    fields.map((f) => fieldName(prefix, f)),
    1000,
  );
  const form = { ...EMPTY_PLACE };
  for (const f of fields) form[f] = raw[fieldName(prefix, f)];
  return form;
}

export interface PlaceValue {
  name: LocalizedText;
  katoCode?: string | null;
  regionId?: string;
}

/**
 * The place as the service takes it, or every problem at its field, by the JSON API's own DTOs:
 * CreateRegionDto / CreateDistrictDto for a new place, UpdatePlaceDto for a rename (where an empty
 * KATO code clears it). Empty names are languages not given.
 */
export function checkPlace(
  form: PlaceForm,
  prefix: string,
  use: 'create' | 'createDistrict' | 'rename',
): { value: PlaceValue; errors: FieldError[] } {
  const name: LocalizedText = {};
  for (const lang of LANGS) if (form[lang] !== '') name[lang] = form[lang];
  const kato = form.katoCode === '' ? (use === 'rename' ? null : undefined) : form.katoCode;
  const values = { name, katoCode: kato, ...(use === 'createDistrict' && { regionId: form.regionId }) };
  const dto = use === 'create' ? CreateRegionDto : use === 'createDistrict' ? CreateDistrictDto : UpdatePlaceDto;
  const problems = validateSync(plainToInstance(dto, values), { whitelist: true, forbidUnknownValues: true });
  const errors: FieldError[] = [];
  const at = (field: keyof PlaceForm, message: MessageKey, params?: Record<string, number>) =>
    errors.push({ field: fieldName(prefix, field), message, ...(params && { params }) });
  const byField = new Map<string, ValidationError>(problems.map((p) => [p.property, p]));
  if (byField.get('regionId')) at('regionId', 'adminPlaces.error.region');
  const nameProblem = byField.get('name');
  if (nameProblem?.constraints) at('kk', 'adminPlaces.error.name');
  for (const child of nameProblem?.children ?? [])
    at(child.property as keyof PlaceForm, 'adminPlaces.error.nameLong', { max: NAME_MAX });
  if (byField.get('katoCode')) at('katoCode', 'adminPlaces.error.kato');
  for (const p of problems)
    if (!['name', 'katoCode', 'regionId'].includes(p.property)) throw new Error(`No message for ${p.property}`);
  return { value: values, errors };
}

/** The error's code: a domain error's, or the one a database constraint stands for (a place in use too). */
function codeOf(error: unknown): string | undefined {
  if (error instanceof DomainError) return error.code;
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driver.code === '23503' && driver.detail?.includes('is still referenced'))
    return DatabaseErrors.REFERENCE_IN_USE.code;
  return errorForConstraint(driver.constraint)?.code;
}

/** A refusal the admin can act on: a name or KATO code taken (at its field), a place in use (in words). */
export function placeRefusal(
  error: unknown,
  form: PlaceForm,
  prefix: string,
): { errors: FieldError[]; problem?: MessageKey } | null {
  const code = codeOf(error);
  if (!code) return null;
  const first = LANGS.find((l) => form[l] !== '') ?? 'kk';
  if (code === GeographyErrors.NAME_TAKEN.code)
    return { errors: [{ field: fieldName(prefix, first), message: 'adminPlaces.error.nameTaken' }] };
  if (code === GeographyErrors.KATO_TAKEN.code)
    return { errors: [{ field: fieldName(prefix, 'katoCode'), message: 'adminPlaces.error.katoTaken' }] };
  if (code === GeographyErrors.PARENT_NOT_FOUND.code)
    return { errors: [{ field: fieldName(prefix, 'regionId'), message: 'adminPlaces.error.region' }] };
  if (code === DatabaseErrors.REFERENCE_IN_USE.code) return { errors: [], problem: 'adminPlaces.problem.inUse' };
  return null;
}

/** A stored place as its form shows it. */
export function placeForm(place: { name: LocalizedText; katoCode: string | null }): PlaceForm {
  return {
    ...EMPTY_PLACE,
    kk: place.name.kk ?? '',
    ru: place.name.ru ?? '',
    en: place.name.en ?? '',
    katoCode: place.katoCode ?? '',
  };
}
