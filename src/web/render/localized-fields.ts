import { LocalizedText } from '../../common/i18n/localized-text';

/**
 * Content that staff write in three languages (titles, descriptions, tranche labels, goals), as a
 * form holds it: one text field per language, each a string, empty when not given. The forms that
 * carry such content (competition setup, round method, plans) share these helpers.
 */
export const TEXT_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
export type Texts = Record<TextLanguage, string>;

/** The message key naming each language beside a field: "Title (Kazakh)". */
export const LANGUAGE_LABEL = {
  kk: 'managerRounds.lang.kk',
  ru: 'managerRounds.lang.ru',
  en: 'managerRounds.lang.en',
} as const;

export const blankTexts = (): Texts => ({ kk: '', ru: '', en: '' });

/** Stored content as the form's fields. */
export const textsOf = (text: LocalizedText | null | undefined): Texts => ({
  kk: text?.kk ?? '',
  ru: text?.ru ?? '',
  en: text?.en ?? '',
});

/** The fields `<prefix>-kk`, `<prefix>-ru`, `<prefix>-en` of a posted form. */
export const textsIn = (input: Record<string, string>, prefix: string): Texts =>
  Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, input[`${prefix}-${l}`] ?? ''])) as Texts;

/** The form's fields as content: the languages given, empty ones left out. */
export const localizedOf = (texts: Texts): LocalizedText =>
  Object.fromEntries(TEXT_LANGUAGES.filter((l) => texts[l]).map((l) => [l, texts[l]]));
