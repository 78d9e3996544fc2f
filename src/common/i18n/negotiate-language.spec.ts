import { negotiateLanguage } from './negotiate-language';

describe('negotiateLanguage', () => {
  it.each([
    ['kk', 'kk'],
    ['ru', 'ru'],
    ['en', 'en'],
    ['RU', 'ru'],
    ['kk-KZ', 'kk'],
    ['ru-RU', 'ru'],
    ['ru-KZ', 'ru'],
    ['en-US', 'en'],
    ['kk-Cyrl-KZ', 'kk'],
    ['  ru-RU  ', 'ru'],
  ])('reads %p as %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['en;q=0.5, kk;q=0.8', 'kk'],
    ['de-DE, en;q=0.3, ru;q=0.2', 'en'],
    ['fr, de;q=0.9, ru;q=0.1', 'ru'],
    ['en;q=0.500, ru;q=0.5', 'en'],
    ['en;q=0.5, ru;q=0.5', 'en'],
    ['ru;q=0.5, en;q=0.5', 'ru'],
    ['en;q=0.2, en-GB;q=0.9, kk;q=0.5', 'en'],
    ['en;q=1.0, kk', 'en'],
    ['kk;q=0.001, de', 'kk'],
  ])('honours q-values and order in %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    ['*', 'kk'],
    ['de, *;q=0.5', 'kk'],
    ['kk;q=0, *', 'ru'],
    ['kk;q=0, ru;q=0, *', 'en'],
    ['ru, *;q=0.1', 'ru'],
    ['*, ru', 'ru'],
    ['*;q=0.9, en', 'en'],
    ['en;q=0.3, *', 'kk'],
  ])('gives the first language the header does not name for * in %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    ['ru;q=0', null],
    ['ru;q=0, en;q=0.1', 'en'],
    ['en, ru;q=0', 'en'],
    ['ru-UA;q=0, ru', 'ru'],
    ['ru-RU, ru;q=0, en;q=0.1', 'en'],
    ['ru;q=0, ru-RU', null],
    ['kk;q=0, ru;q=0, en;q=0, *', null],
    ['*;q=0', null],
  ])('treats q=0 as a refusal in %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['   '],
    [','],
    ['de'],
    ['de-DE, fr;q=0.9'],
    ['kkk'],
    ['kz'],
    ['english'],
    ['ru;q=2'],
    ['ru;q=-1'],
    ['ru;q=abc'],
    ['ru;q=0.1234'],
    ['ru_RU'],
    ['ru-'],
    ['<script>'],
    ['\u0000ru'],
    ['ru-RU-toolongsubtag'],
  ])('names none of ours in %p', (header) => {
    expect(negotiateLanguage(header)).toBeNull();
  });

  it('skips a broken range and reads the rest', () => {
    expect(negotiateLanguage('ru;q=2, en;q=0.4')).toBe('en');
    expect(negotiateLanguage(';;;, kk')).toBe('kk');
    expect(negotiateLanguage('ru;foo=bar;q=0.4, en;q=0.3')).toBe('ru');
  });

  it('reads a header given twice (an array) as one list', () => {
    expect(negotiateLanguage(['de', 'ru;q=0.5'])).toBe('ru');
  });

  it('reads only the start of an absurdly long header', () => {
    expect(negotiateLanguage(`${'de;q=0.9, '.repeat(500)}ru`)).toBeNull();
    expect(negotiateLanguage(`ru, ${'x'.repeat(100000)}`)).toBe('ru');
  });
});
