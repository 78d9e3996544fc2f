import Handlebars from 'handlebars';
import { LANGUAGES, Language } from '../../../common/i18n/language';

/** The helpers mail templates may call, beside Handlebars' own. */
export const TEMPLATE_HELPERS = ['money', 'score', 'date', 'dateOnly'] as const;

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Money, scores and dates as mail prints them in each language, with formatters made once and kept. */
export class MailFormats {
  private readonly formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
  private readonly timeZone: string;

  constructor(timeZone: string) {
    // Throws a RangeError at boot for a time zone ICU does not know, not at the first mail.
    this.timeZone = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  }

  formatMoney(minorUnits: bigint, language: Language): string {
    const negative = minorUnits < 0n;
    const absolute = negative ? -minorUnits : minorUnits;
    const tenge = absolute / 100n;
    const tiyn = absolute % 100n;
    if (tiyn === 0n) return this.moneyFormat(language, 0).format(negative ? -tenge : tenge);
    // Intl formats a bigint exactly at any size, so the tenge part goes in as a bigint and the
    // two tiyn digits replace the (always "00") fraction: no float ever holds the amount.
    const signed = negative ? (tenge === 0n ? -0 : -tenge) : tenge;
    const parts = this.moneyFormat(language, 2).formatToParts(signed);
    if (!parts.some((part) => part.type === 'fraction'))
      throw new Error(`No fraction part formatting money for ${LOCALES[language]}`);
    return parts.map((part) => (part.type === 'fraction' ? tiyn.toString().padStart(2, '0') : part.value)).join('');
  }

  /**
   * A score (0-100) rounded to one decimal in the language's own way: 71,4 in Kazakh and Russian,
   * 71.4 in English. The templates write the scale beside it ("71,4 из 100").
   */
  formatScore(value: number, language: Language): string {
    const key = `score:${language}`;
    let format = this.formatters.get(key) as Intl.NumberFormat | undefined;
    if (!format) {
      format = new Intl.NumberFormat(LOCALES[language], {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        useGrouping: false,
      });
      this.formatters.set(key, format);
    }
    return format.format(value);
  }

  formatDate(value: Date, language: Language, withTime: boolean): string {
    const key = `date:${language}:${withTime}`;
    let format = this.formatters.get(key) as Intl.DateTimeFormat | undefined;
    if (!format) {
      format = new Intl.DateTimeFormat(LOCALES[language], {
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' as const } : {}),
        timeZone: this.timeZone,
      });
      this.formatters.set(key, format);
    }
    return format.format(value);
  }

  private moneyFormat(language: Language, fractionDigits: 0 | 2): Intl.NumberFormat {
    const key = `money:${language}:${fractionDigits}`;
    let format = this.formatters.get(key) as Intl.NumberFormat | undefined;
    if (!format) {
      format = new Intl.NumberFormat(LOCALES[language], {
        style: 'currency',
        currency: 'KZT',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
      this.formatters.set(key, format);
    }
    return format;
  }
}

/** Registers TEMPLATE_HELPERS on `handlebars`: each checks its argument and prints it in the language of the render data. */
export function registerTemplateHelpers(handlebars: typeof Handlebars, formats: MailFormats): void {
  handlebars.registerHelper('money', (value: unknown, options: unknown) =>
    formats.formatMoney(toMinorUnits(value), languageOf(options)),
  );
  handlebars.registerHelper('score', (value: unknown, options: unknown) =>
    formats.formatScore(toScore(value), languageOf(options)),
  );
  handlebars.registerHelper('date', (value: unknown, options: unknown) =>
    formats.formatDate(toDate(value, 'date'), languageOf(options), true),
  );
  handlebars.registerHelper('dateOnly', (value: unknown, options: unknown) =>
    formats.formatDate(toDate(value, 'dateOnly'), languageOf(options), false),
  );
}

function languageOf(options: unknown): Language {
  const language = (options as { data?: { language?: unknown } } | undefined)?.data?.language;
  if (typeof language !== 'string' || !(LANGUAGES as readonly string[]).includes(language)) {
    throw new Error('Mail template helpers need the language in the render data');
  }
  return language as Language;
}

function toMinorUnits(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new TypeError(`money expects minor units as a bigint or an integer string, got ${describeValue(value)}`);
}

/** A score as a number or as a decimal string with a point ("72.4", as the results mail data carries it). */
function toScore(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  throw new TypeError(`score expects a number or a decimal string such as "72.4", got ${describeValue(value)}`);
}

function toDate(value: unknown, helper: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new TypeError(`${helper} expects a valid Date, got ${describeValue(value)}`);
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  if (value !== null && typeof value === 'object' && 'hash' in value) return 'nothing (no argument)';
  return `${typeof value} ${String(value)}`;
}
