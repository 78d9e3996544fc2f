import { Language } from '../../modules/users/domain/language';

export type ContentText = string | Partial<Record<Language, string>> | null | undefined;

const FALLBACK: Language[] = ['kk', 'ru', 'en'];

/** Text that staff wrote, in the reader's language when given, else Kazakh, Russian, English. */
export function contentText(value: ContentText, language: Language): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  for (const candidate of [language, ...FALLBACK]) {
    const text = value[candidate];
    if (text) return text;
  }
  return '';
}
