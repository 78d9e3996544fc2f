import { dayAfter, endOfDay } from './answer-by';

describe('the date to answer by, as a manager picks it', () => {
  it('is the last second of the picked day in Almaty (UTC+5 since 2024)', () => {
    expect(endOfDay('2026-12-11')?.toISOString()).toBe('2026-12-11T18:59:59.000Z');
  });

  it('follows the zone it is given', () => {
    expect(endOfDay('2026-07-01', 'Europe/London')?.toISOString()).toBe('2026-07-01T22:59:59.000Z');
  });

  it.each(['', '11.12.2026', '2026-02-30', '2026-13-01', '2026-12-1', 'tomorrow'])('refuses %j', (day) => {
    expect(endOfDay(day)).toBeNull();
  });

  it('gives the day a number of days ahead in Almaty, across midnight UTC', () => {
    expect(dayAfter(new Date('2026-12-06T20:00:00Z'), 5)).toBe('2026-12-12');
    expect(dayAfter(new Date('2026-12-06T10:00:00Z'), 5)).toBe('2026-12-11');
  });
});
