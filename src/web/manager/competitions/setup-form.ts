import { blankTexts, TEXT_LANGUAGES, Texts, textsIn, textsOf } from '../../render/localized-fields';
import { DEFAULT_AWARD_RULES } from '../../../modules/competitions/domain/award-rules';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { tengeInputValue } from '../../i18n/tenge';
import { DISPLAY_TIME_ZONE } from '../../i18n/formats';
import { almatyDate } from '../rounds/deadline';

/** Row limits: the DTO's own (12 tranches) and enough envelopes and floors for a national call. */
export const MAX_TRANCHES = 12;
export const MAX_ENVELOPES = 200;
export const MAX_FLOORS = 100;

/** One envelope: `district:<id>` or `village:<id>`, and its cap in tenge as typed. */
export interface EnvelopeRow {
  place: string;
  amount: string;
}

export interface TrancheRow {
  label: Texts;
  /** Percent of the award, as typed ("50", "33,5"). */
  share: string;
  /** `signing`, `report`, or empty when none was chosen. */
  release: string;
  due: string;
}

export interface FloorRow {
  district: string;
  grants: string;
}

/** The setup form as typed: every value a string, so a refused form comes back as it was sent. */
export interface SetupForm {
  code: string;
  title: Texts;
  description: Texts;
  budget: string;
  minAward: string;
  maxAward: string;
  minOwnShare: string;
  maxApplications: string;
  opensAt: string;
  opensAtTime: string;
  closesAt: string;
  closesAtTime: string;
  /** Districts ticked as "every village of this district". */
  districts: string[];
  villages: string[];
  envelopes: EnvelopeRow[];
  tranches: TrancheRow[];
  floors: FloorRow[];
  partialMinShare: string;
  acceptanceDays: string;
}

/** The places a form may name: every district with its villages (ids only matter to the parser). */
export interface PlaceIds {
  districts: { id: string; villages: { id: string }[] }[];
}

const SCALARS = [
  'code',
  'budget',
  'minAward',
  'maxAward',
  'minOwnShare',
  'maxApplications',
  'opensAt',
  'opensAtTime',
  'closesAt',
  'closesAtTime',
  'partialMinShare',
  'acceptanceDays',
] as const;

/** Basis points as a percent for a field: 2000 -> "20", 3350 -> "33,5". */
export const percentOf = (bp: number): string => String(bp / 100).replace('.', ',');

export const emptyEnvelope = (): EnvelopeRow => ({ place: '', amount: '' });
export const emptyTranche = (): TrancheRow => ({ label: blankTexts(), share: '', release: '', due: '' });
export const emptyFloor = (): FloorRow => ({ district: '', grants: '' });

/** The time of day of an instant in Almaty, HH:MM. */
export function almatyTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: DISPLAY_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** A new competition: the default tranche template, applications open from tomorrow's dates as typed. */
export function newSetupForm(): SetupForm {
  return {
    code: '',
    title: blankTexts(),
    description: blankTexts(),
    budget: '',
    minAward: '',
    maxAward: '',
    minOwnShare: '0',
    maxApplications: '1',
    opensAt: '',
    opensAtTime: '09:00',
    closesAt: '',
    closesAtTime: '18:00',
    districts: [],
    villages: [],
    envelopes: [],
    tranches: DEFAULT_AWARD_RULES.trancheTemplate.map((t) => ({
      label: textsOf(t.label),
      share: percentOf(t.shareBp),
      release: t.reportRequired ? 'report' : 'signing',
      due: t.dueDays === null ? '' : String(t.dueDays),
    })),
    floors: [],
    partialMinShare: '',
    acceptanceDays: String(DEFAULT_AWARD_RULES.acceptanceDays),
  };
}

/** The form of a stored competition, to edit it (or to read it once its rules are frozen). */
export function formOfCompetition(c: Competition): SetupForm {
  const rules = c.awardRules;
  return {
    code: c.code,
    title: textsOf(c.title),
    description: textsOf(c.description),
    budget: tengeInputValue(c.budget, ','),
    minAward: tengeInputValue(c.minAward, ','),
    maxAward: tengeInputValue(c.maxAward, ','),
    minOwnShare: percentOf(c.minOwnShareBp),
    maxApplications: String(c.maxApplicationsPerApplicant),
    opensAt: almatyDate(c.opensAt),
    opensAtTime: almatyTime(c.opensAt),
    closesAt: almatyDate(c.closesAt),
    closesAtTime: almatyTime(c.closesAt),
    districts: (c.eligibleDistricts ?? []).map((d) => d.districtId),
    villages: (c.eligibleVillages ?? []).map((v) => v.villageId),
    envelopes: (c.envelopes ?? []).map((e) => ({
      place: e.districtId ? `district:${e.districtId}` : `village:${e.villageId}`,
      amount: tengeInputValue(e.amount, ','),
    })),
    tranches: rules.trancheTemplate.map((t) => ({
      label: textsOf(t.label),
      share: percentOf(t.shareBp),
      release: t.reportRequired ? 'report' : 'signing',
      due: t.dueDays === null ? '' : String(t.dueDays),
    })),
    floors: rules.floors.map((f) => ({ district: f.districtId, grants: String(f.grants) })),
    partialMinShare: rules.partialMinShareBp === null ? '' : percentOf(rules.partialMinShareBp),
    acceptanceDays: String(rules.acceptanceDays),
  };
}

const countOf = (value: unknown, fallback: number, min: number, max: number): number =>
  typeof value === 'string' && /^\d{1,3}$/.test(value) ? Math.min(max, Math.max(min, Number(value))) : fallback;

/** How many rows of each list a post says it has (hidden fields), within the limits. */
export interface SetupShape {
  envelopes: number;
  tranches: number;
  floors: number;
}

export function shapeOf(body: unknown): SetupShape {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    envelopes: countOf(b.envelopes, 0, 0, MAX_ENVELOPES),
    tranches: countOf(b.tranches, 1, 1, MAX_TRANCHES),
    floors: countOf(b.floors, 0, 0, MAX_FLOORS),
  };
}

/** Every field name a setup form of this shape, over these places, may send: for readForm. */
export function setupFields(shape: SetupShape, places: PlaceIds): string[] {
  const names: string[] = [...SCALARS, 'action', 'envelopes', 'tranches', 'floors'];
  for (const language of TEXT_LANGUAGES) names.push(`title-${language}`, `description-${language}`);
  for (const d of places.districts) {
    names.push(`district-${d.id}`);
    for (const v of d.villages) names.push(`village-${v.id}`);
  }
  for (let i = 0; i < shape.envelopes; i += 1) names.push(`envelope-${i}-place`, `envelope-${i}-amount`);
  for (let i = 0; i < shape.tranches; i += 1) {
    names.push(`tranche-${i}-share`, `tranche-${i}-release`, `tranche-${i}-due`);
    for (const language of TEXT_LANGUAGES) names.push(`tranche-${i}-${language}`);
  }
  for (let i = 0; i < shape.floors; i += 1) names.push(`floor-${i}-district`, `floor-${i}-grants`);
  return names;
}

/** The form as posted (the inverse of postedFields). */
export function formOfInput(input: Record<string, string>, shape: SetupShape, places: PlaceIds): SetupForm {
  const scalars = Object.fromEntries(SCALARS.map((name) => [name, input[name] ?? ''])) as Record<
    (typeof SCALARS)[number],
    string
  >;
  const ticked = (name: string) => input[name] === 'yes';
  const rows = <T>(n: number, row: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => row(i));
  return {
    ...scalars,
    title: textsIn(input, 'title'),
    description: textsIn(input, 'description'),
    districts: places.districts.filter((d) => ticked(`district-${d.id}`)).map((d) => d.id),
    villages: places.districts.flatMap((d) => d.villages.filter((v) => ticked(`village-${v.id}`)).map((v) => v.id)),
    envelopes: rows(shape.envelopes, (i) => ({
      place: input[`envelope-${i}-place`] ?? '',
      amount: input[`envelope-${i}-amount`] ?? '',
    })),
    tranches: rows(shape.tranches, (i) => ({
      label: textsIn(input, `tranche-${i}`),
      share: input[`tranche-${i}-share`] ?? '',
      release: input[`tranche-${i}-release`] ?? '',
      due: input[`tranche-${i}-due`] ?? '',
    })),
    floors: rows(shape.floors, (i) => ({
      district: input[`floor-${i}-district`] ?? '',
      grants: input[`floor-${i}-grants`] ?? '',
    })),
  };
}

/** The fields a browser posts for this form (the inverse of formOfInput): for tests and tools. */
export function postedFields(form: SetupForm, action = 'save'): Record<string, string> {
  const fields: Record<string, string> = {
    action,
    envelopes: String(form.envelopes.length),
    tranches: String(form.tranches.length),
    floors: String(form.floors.length),
  };
  for (const name of SCALARS) fields[name] = form[name];
  for (const language of TEXT_LANGUAGES) {
    fields[`title-${language}`] = form.title[language];
    fields[`description-${language}`] = form.description[language];
  }
  for (const id of form.districts) fields[`district-${id}`] = 'yes';
  for (const id of form.villages) fields[`village-${id}`] = 'yes';
  form.envelopes.forEach((row, i) => {
    fields[`envelope-${i}-place`] = row.place;
    fields[`envelope-${i}-amount`] = row.amount;
  });
  form.tranches.forEach((row, i) => {
    Object.assign(fields, {
      [`tranche-${i}-share`]: row.share,
      [`tranche-${i}-release`]: row.release,
      [`tranche-${i}-due`]: row.due,
    });
    for (const language of TEXT_LANGUAGES) fields[`tranche-${i}-${language}`] = row.label[language];
  });
  form.floors.forEach((row, i) => {
    fields[`floor-${i}-district`] = row.district;
    fields[`floor-${i}-grants`] = row.grants;
  });
  return fields;
}

/**
 * A row button ("add an envelope", "remove tranche 2"): the form again with the rows changed, nothing
 * stored. Null for "save" (or anything else).
 */
export function withRowsChanged(form: SetupForm, action: string): SetupForm | null {
  const removed = /^remove-(envelope|tranche|floor)-(\d+)$/.exec(action);
  if (removed) {
    const index = Number(removed[2]);
    if (removed[1] === 'envelope') return { ...form, envelopes: form.envelopes.filter((_, i) => i !== index) };
    if (removed[1] === 'floor') return { ...form, floors: form.floors.filter((_, i) => i !== index) };
    return form.tranches.length > 1 ? { ...form, tranches: form.tranches.filter((_, i) => i !== index) } : form;
  }
  switch (action) {
    case 'add-envelope':
      return form.envelopes.length < MAX_ENVELOPES
        ? { ...form, envelopes: [...form.envelopes, emptyEnvelope()] }
        : form;
    case 'add-tranche':
      return form.tranches.length < MAX_TRANCHES ? { ...form, tranches: [...form.tranches, emptyTranche()] } : form;
    case 'add-floor':
      return form.floors.length < MAX_FLOORS ? { ...form, floors: [...form.floors, emptyFloor()] } : form;
    default:
      return null;
  }
}
