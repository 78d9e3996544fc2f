import { LANGUAGES, Language } from './language';

/**
 * Content staff write (titles, names, rubric wording, tranche labels), stored per language
 * (DESIGN.md section 12): at least one of kk, ru and en, each a non-empty trimmed string. Pure: the
 * JSON API, the web pages, mail and reports all read it through pickText.
 */
export type LocalizedText = Partial<Record<Language, string>>;

/** Kazakh first: the order a reader's own language falls back through when it is missing. */
export const FALLBACK_ORDER: readonly Language[] = ['kk', 'ru', 'en'];

/**
 * The text in the reader's language, else the first of kk, ru, en that is given; '' when there is
 * none. A plain string (a value written before texts were per language) is returned as it is.
 */
export function pickText(text: LocalizedText | string | null | undefined, lang: Language): string {
  if (typeof text === 'string') return text;
  if (!text) return '';
  for (const candidate of [lang, ...FALLBACK_ORDER]) {
    const value = text[candidate];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}

/** The languages a text is given in, in kk, ru, en order. */
export function languagesOf(text: LocalizedText): Language[] {
  return LANGUAGES.filter((l) => typeof text[l] === 'string' && text[l].trim() !== '');
}

/**
 * What is wrong with a value meant to be a LocalizedText, one line per problem (empty when
 * nothing is): the rule the DTO and the database CHECK (is_localized_text) apply.
 */
export function localizedTextProblems(value: unknown, field: string, maxLength = Infinity): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${field} must be an object with a text in kk, ru or en`];
  }
  const problems: string[] = [];
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, text] of entries) {
    if (!(LANGUAGES as readonly string[]).includes(key))
      problems.push(`${field}.${key} is not a language (kk, ru, en)`);
    else if (typeof text !== 'string') problems.push(`${field}.${key} must be a string`);
    else if (text.trim() === '') problems.push(`${field}.${key} must not be empty`);
    else if (text.length > maxLength) problems.push(`${field}.${key} must be at most ${maxLength} characters`);
  }
  if (problems.length === 0 && entries.length === 0) problems.push(`${field} must give a text in kk, ru or en`);
  return problems;
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  return localizedTextProblems(value, 'value').length === 0;
}

/** The same text in one language only: for values built by the service (a default label, a copy). */
export const inLanguage = (lang: Language, text: string): LocalizedText => ({ [lang]: text });

/** A copy with the given languages trimmed and empty ones left out. */
export function trimLocalizedText(text: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const value = text[lang];
    if (typeof value === 'string' && value.trim() !== '') out[lang] = value.trim();
  }
  return out;
}

/**
 * A value read from JSON written before texts were per language (an application snapshot, an
 * outbox row) or after: a plain string counts as the Russian text, as the migration made of them.
 */
export function asLocalizedText(value: unknown): LocalizedText {
  if (typeof value === 'string') return value.trim() === '' ? {} : { ru: value };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as LocalizedText;
  return {};
}
