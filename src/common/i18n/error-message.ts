import { ErrorCatalogue } from './error-messages/catalogue';
import { EN } from './error-messages/en';
import { KK } from './error-messages/kk';
import { RU } from './error-messages/ru';
import { Language } from './language';

export const ERROR_CATALOGUES: Readonly<Record<Language, ErrorCatalogue>> = { kk: KK, ru: RU, en: EN };

/** Locales for numbers in messages: Kazakh and Russian group digits with spaces. */
const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders of a message, sorted: the same set in every language. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

/**
 * The message of an error code in a language, for the JSON API and the web pages alike. Where the
 * message shows a detail (a limit, a wait), the placeholders are filled from `details`, numbers in
 * the language's own format; without those details the message reads well without them. A code no
 * catalogue knows (a framework's `HTTP.405`) comes back as itself.
 */
export function errorMessage(code: string, lang: Language, details?: Record<string, unknown>): string {
  const catalogue = ERROR_CATALOGUES[lang];
  const text = Object.hasOwn(catalogue, code) ? catalogue[code] : Object.hasOwn(EN, code) ? EN[code] : undefined;
  if (text === undefined) return code;
  if (typeof text === 'string') return text;
  const values = new Map<string, string>();
  for (const name of placeholdersOf(text.withDetails)) {
    const value = details?.[name];
    if (typeof value === 'number' || typeof value === 'bigint') {
      values.set(name, new Intl.NumberFormat(LOCALES[lang]).format(value));
    } else if (typeof value === 'string' && value !== '') {
      values.set(name, value);
    } else {
      return text.withoutDetails;
    }
  }
  return text.withDetails.replace(PLACEHOLDER, (_, name: string) => values.get(name) ?? '');
}

/** True for every code a spec defines (the catalogues hold exactly those). */
export function hasErrorMessage(code: string): boolean {
  return Object.hasOwn(EN, code);
}
