/** The service's time zone: every date a person picks is a day in Almaty. */
const TIME_ZONE = 'Asia/Almaty';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "GMT+05:00" as minutes east of UTC, for `zone` on `at`. */
function offsetMinutes(at: Date, zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * A day picked in a date field (YYYY-MM-DD) as the last second of that day in Almaty: "send it
 * again by 11 December" leaves the whole of 11 December. Null for anything that is not a real day.
 */
export function endOfDay(day: string, zone = TIME_ZONE): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const utcEnd = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  const check = new Date(utcEnd);
  if (check.getUTCDate() !== Number(match[3]) || check.getUTCMonth() !== Number(match[2]) - 1) return null;
  return new Date(utcEnd - offsetMinutes(check, zone) * 60_000);
}

/** The day `days` after `now` in Almaty, as a date field wants it (YYYY-MM-DD). */
export function dayAfter(now: Date, days: number, zone = TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(now.getTime() + days * 86_400_000),
  );
}
