import { DISPLAY_TIME_ZONE } from '../../i18n/formats';

/**
 * A round's deadline as a manager gives it: a day, meaning the end of that day in Almaty (23:59),
 * the time zone every page shows dates in.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of an instant in Almaty, yyyy-mm-dd (what a date field shows). */
export function almatyDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Almaty's offset from UTC on a day, "+05:00" (read from the time zone data, not assumed). */
export function almatyOffset(day: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: DISPLAY_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part?.replace('GMT', '') ?? '';
  return /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+00:00';
}

/** 23:59 in Almaty on the day given, as ISO 8601 with its offset; null for anything but a real day. */
export function deadlineOfDate(day: string): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const check = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return null;
  return `${day}T23:59:00${almatyOffset(day)}`;
}
