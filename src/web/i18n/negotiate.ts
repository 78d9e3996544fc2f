import { Language, LANGUAGES } from '../../common/i18n/language';

export { negotiateLanguage } from '../../common/i18n/negotiate-language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
