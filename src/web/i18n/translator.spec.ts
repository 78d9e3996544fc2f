import { Translator } from './translator';

describe('Translator placeholders', () => {
  it('lets a value that ends in a full stop stand for the message’s own (no "г.." after a Russian date)', () => {
    const ru = new Translator('ru');
    const date = ru.date(new Date('2026-12-07T10:00:00Z'));
    expect(date.endsWith('г.')).toBe(true);
    expect(ru.t('juror.panel.confirmedOn', { date })).toBe(`Декларация о конфликте интересов подтверждена ${date}`);
  });

  it('keeps the full stop after any other value, and a placeholder without a value visible', () => {
    const en = new Translator('en');
    expect(en.t('apply.start.closes', { date: '5 January 2027' })).toBe('Applications close 5 January 2027.');
    expect(en.t('apply.start.closes', {})).toBe('Applications close {date}.');
  });
});
