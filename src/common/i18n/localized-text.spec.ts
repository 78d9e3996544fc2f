import fc from 'fast-check';
import { LANGUAGES, Language } from './language';
import { languagesOf, localizedTextProblems, pickText, trimLocalizedText } from './localized-text';
import { languageFromHeader } from './reader-language';

describe('pickText', () => {
  it('gives the reader their own language when it is there', () => {
    const text = { kk: 'Сумен жабдықтау', ru: 'Водоснабжение', en: 'Water supply' };
    expect(LANGUAGES.map((l) => pickText(text, l))).toEqual(['Сумен жабдықтау', 'Водоснабжение', 'Water supply']);
  });

  it('falls back kk, then ru, then en', () => {
    expect(pickText({ ru: 'Водоснабжение', kk: 'Сумен жабдықтау' }, 'en')).toBe('Сумен жабдықтау');
    expect(pickText({ en: 'Water supply', ru: 'Водоснабжение' }, 'kk')).toBe('Водоснабжение');
    expect(pickText({ en: 'Water supply' }, 'ru')).toBe('Water supply');
  });

  it('skips blank texts, and gives an empty string for none', () => {
    expect(pickText({ kk: '  ', ru: 'Водоснабжение' }, 'kk')).toBe('Водоснабжение');
    expect(pickText({}, 'kk')).toBe('');
    expect(pickText(null, 'ru')).toBe('');
    expect(pickText(undefined, 'en')).toBe('');
  });

  it('returns a plain string (a value written before translations) as it is', () => {
    expect(pickText('Водоснабжение', 'kk')).toBe('Водоснабжение');
  });

  it('always answers one of the texts given, when any is given', () => {
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.record({ kk: text, ru: text, en: text }, { requiredKeys: [] }),
        fc.constantFrom<Language>(...LANGUAGES),
        (given, lang) => {
          const picked = pickText(given, lang);
          if (languagesOf(given).length === 0) expect(picked).toBe('');
          else expect(Object.values(given)).toContain(picked);
          if (given[lang] !== undefined) expect(picked).toBe(given[lang]);
        },
      ),
    );
  });
});

describe('localizedTextProblems', () => {
  it('accepts one language or more', () => {
    expect(localizedTextProblems({ kk: 'Ақшұқыр ауылы' }, 'name')).toEqual([]);
    expect(localizedTextProblems({ kk: 'a', ru: 'b', en: 'c' }, 'name', 1)).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(localizedTextProblems({}, 'name')).toEqual(['name must give a text in kk, ru or en']);
    expect(localizedTextProblems('Aqshuqyr', 'name')).toEqual(['name must be an object with a text in kk, ru or en']);
    expect(localizedTextProblems(['a'], 'name')).toEqual(['name must be an object with a text in kk, ru or en']);
    expect(localizedTextProblems({ xx: 'a' }, 'name')).toEqual(['name.xx is not a language (kk, ru, en)']);
    expect(localizedTextProblems({ kk: 5 }, 'name')).toEqual(['name.kk must be a string']);
    expect(localizedTextProblems({ ru: ' ' }, 'name')).toEqual(['name.ru must not be empty']);
    expect(localizedTextProblems({ en: 'abc' }, 'name', 2)).toEqual(['name.en must be at most 2 characters']);
  });
});

describe('trimLocalizedText', () => {
  it('trims and leaves out empty languages', () => {
    expect(trimLocalizedText({ kk: ' a ', ru: '  ', en: 'b' })).toEqual({ kk: 'a', en: 'b' });
  });
});

describe('languageFromHeader', () => {
  it('takes the most preferred of kk, ru, en, and Kazakh when none is named', () => {
    expect(languageFromHeader('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(languageFromHeader('de, en;q=0.5, kk;q=0.7')).toBe('kk');
    expect(languageFromHeader('en;q=0, ru;q=0.1')).toBe('ru');
    expect(languageFromHeader('de')).toBe('kk');
    expect(languageFromHeader(undefined)).toBe('kk');
  });
});
