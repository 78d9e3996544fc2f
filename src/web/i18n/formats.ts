import { Language } from '../../modules/users/domain/language';
import { MailFormats } from '../../modules/notifications/mail/template-helpers';

/** The service shows dates and times in Kazakhstan's time, whatever the server's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Almaty';

// One set of formatters for pages and mail, so a sum or a date reads the same in both.
const formats = new MailFormats(DISPLAY_TIME_ZONE);
const numberFormats = new Map<Language, Intl.NumberFormat>();
const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Tenge from minor units, exact for any bigint: `1 234 567,50 ₸`. */
export function formatMoney(minorUnits: bigint, language: Language): string {
  return formats.formatMoney(minorUnits, language);
}

export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

export function formatDate(value: Date, language: Language): string {
  return formats.formatDate(value, language, false);
}

export function formatDateTime(value: Date, language: Language): string {
  return formats.formatDate(value, language, true);
}

/** Whole days from `now` until `then` in Almaty's calendar (0: today, negative: past). */
export function daysUntil(then: Date, now: Date = new Date()): number {
  const day = (d: Date): number => {
    const [y, m, dd] = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE })
      .format(d)
      .split('-')
      .map(Number);
    return Date.UTC(y, m - 1, dd) / 86_400_000;
  };
  return day(then) - day(now);
}
