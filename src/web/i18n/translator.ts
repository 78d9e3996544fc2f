import { Language } from '../../modules/users/domain/language';
import { CATALOGUE, MessageKey } from './catalogue';
import { MessageText } from './define-messages';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './formats';

export type MessageParams = Record<string, string | number | bigint>;

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing.
 * A value that ends a sentence itself (a Russian date ends in "г.") takes the place of the
 * message's own full stop after it, so "подтверждена 7 декабря 2026 г.." reads "г.".
 */
function fill(text: string, params: MessageParams | undefined, language: Language): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const filled = typeof value === 'number' ? formatNumber(value, language) : String(value);
    return stop && filled.endsWith('.') ? filled : filled + stop;
  });
}

/** Picks the plural form for `params.count`; the `other` form when a language lacks the category. */
function choose(message: MessageText, language: Language, params: MessageParams | undefined): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.count ?? 0);
  return message[pluralCategory(language, count)] ?? message.other;
}

/** Everything a page needs to speak one language: its texts, money, numbers and dates. */
export class Translator {
  readonly locale: string;

  constructor(readonly language: Language) {
    this.locale = LOCALES[language];
  }

  t(key: MessageKey, params?: MessageParams): string {
    return fill(choose(CATALOGUE[this.language][key], this.language, params), params, this.language);
  }

  money(minorUnits: bigint | string): string {
    return formatMoney(typeof minorUnits === 'bigint' ? minorUnits : BigInt(minorUnits), this.language);
  }

  number(value: number): string {
    return formatNumber(value, this.language);
  }

  date(value: Date | string): string {
    return formatDate(new Date(value), this.language);
  }

  dateTime(value: Date | string): string {
    return formatDateTime(new Date(value), this.language);
  }
}

const translators = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  let found = translators.get(language);
  if (!found) {
    found = new Translator(language);
    translators.set(language, found);
  }
  return found;
}
