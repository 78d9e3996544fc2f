import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { definedErrorSpecs } from '../../errors/domain-error';
import { ERROR_CATALOGUES, errorMessage, hasErrorMessage, placeholdersOf } from '../error-message';
import { LANGUAGES } from '../language';
import { ErrorText } from './catalogue';

const SRC = join(__dirname, '..', '..', '..');

/** Every `*.errors.ts` under src (common, modules, web): loading them runs their defineErrors. */
function errorFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return errorFiles(path);
    return entry.name.endsWith('.errors.ts') ? [path] : [];
  });
}

const files = errorFiles(SRC);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loading every errors file is the point
for (const file of files) require(file);
const specs = definedErrorSpecs();
const codes = specs.map((spec) => spec.code);

function texts(text: ErrorText): string[] {
  return typeof text === 'string' ? [text] : [text.withDetails, text.withoutDetails];
}

describe('error message catalogues', () => {
  it('load the errors of every module', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(codes).toEqual(
      expect.arrayContaining(['REQUEST.VALIDATION_FAILED', 'APPLICATION.DEADLINE_PASSED', 'INTERNAL']),
    );
  });

  it('define each code once', () => {
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  it.each(LANGUAGES)('give every defined code a message in %s', (language) => {
    const catalogue = ERROR_CATALOGUES[language];
    expect(codes.filter((code) => !Object.hasOwn(catalogue, code))).toEqual([]);
  });

  it.each(LANGUAGES)('hold no code in %s that no spec defines', (language) => {
    expect(Object.keys(ERROR_CATALOGUES[language]).filter((code) => !codes.includes(code))).toEqual([]);
  });

  it.each(LANGUAGES)('have no empty or untrimmed message in %s', (language) => {
    const bad = Object.entries(ERROR_CATALOGUES[language]).filter(([, text]) =>
      texts(text).some((t) => t.trim() === '' || t !== t.trim()),
    );
    expect(bad).toEqual([]);
  });

  it('use the same placeholders for a code in every language, and none in the text without details', () => {
    const problems: string[] = [];
    for (const code of codes) {
      const [kk, ru, en] = LANGUAGES.map((language) => ERROR_CATALOGUES[language][code]);
      const shapes = [kk, ru, en].map((text) => typeof text);
      if (new Set(shapes).size > 1) problems.push(`${code}: with details in some languages only`);
      const withDetails = [kk, ru, en].map((text) =>
        placeholdersOf(typeof text === 'string' ? text : text.withDetails),
      );
      if (new Set(withDetails.map((p) => p.join())).size > 1)
        problems.push(`${code}: placeholders differ: ${JSON.stringify(withDetails)}`);
      for (const text of [kk, ru, en]) {
        if (typeof text === 'string' && placeholdersOf(text).length)
          problems.push(`${code}: placeholder in a plain text`);
        if (typeof text !== 'string' && placeholdersOf(text.withoutDetails).length)
          problems.push(`${code}: placeholder in the text without details`);
        if (typeof text !== 'string' && placeholdersOf(text.withDetails).length === 0)
          problems.push(`${code}: details form without a placeholder`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keep English equal to the message each spec carries (what logs and the worker read)', () => {
    const differ = specs.filter((spec) => {
      const text = ERROR_CATALOGUES.en[spec.code];
      return (typeof text === 'string' ? text : text?.withoutDetails) !== spec.message;
    });
    expect(differ.map((spec) => spec.code)).toEqual([]);
  });

  it('translate: Kazakh and Russian are not English copies', () => {
    const copied = codes.filter(
      (code) =>
        JSON.stringify(ERROR_CATALOGUES.kk[code]) === JSON.stringify(ERROR_CATALOGUES.en[code]) ||
        JSON.stringify(ERROR_CATALOGUES.ru[code]) === JSON.stringify(ERROR_CATALOGUES.en[code]),
    );
    expect(copied).toEqual([]);
  });
});

describe('errorMessage', () => {
  it('answers a code in each language', () => {
    expect(errorMessage('APPLICATION.DEADLINE_PASSED', 'kk')).toBe('Өтінім қабылдау мерзімі аяқталды');
    expect(errorMessage('APPLICATION.DEADLINE_PASSED', 'ru')).toBe('Срок приёма заявок истёк');
    expect(errorMessage('APPLICATION.DEADLINE_PASSED', 'en')).toBe('The competition has closed for applications');
  });

  it('fills placeholders from the details, numbers in the language’s format', () => {
    expect(errorMessage('AUTH.TOO_MANY_ATTEMPTS', 'ru', { retryAfterSeconds: 42 })).toBe(
      'Слишком много неудачных попыток; повторите через 42 с',
    );
    expect(errorMessage('APPLICATION.LIMIT_REACHED', 'en', { limit: 3 })).toBe(
      'You have as many applications in this competition as it allows (3)',
    );
    expect(errorMessage('AUTH.TOO_MANY_ATTEMPTS', 'kk', { retryAfterSeconds: 1200 })).toMatch(
      /^Сәтсіз әрекеттер тым көп; 1\s200 секундтан кейін қайталаңыз$/,
    );
  });

  it('reads well without the details a placeholder needs', () => {
    expect(errorMessage('AUTH.TOO_MANY_ATTEMPTS', 'en')).toBe('Too many failed attempts; try again later');
    expect(errorMessage('APPLICATION.LIMIT_REACHED', 'kk', { limit: null })).toBe(
      'Осы конкурста рұқсат етілген өтінімдер санына жеттіңіз',
    );
    expect(errorMessage('APPLICATION.LIMIT_REACHED', 'ru', { limit: { nested: 1 } })).not.toContain('{');
  });

  it('gives a code no spec defines back as it is', () => {
    expect(hasErrorMessage('HTTP.405')).toBe(false);
    expect(hasErrorMessage('toString')).toBe(false);
    expect(errorMessage('HTTP.405', 'kk')).toBe('HTTP.405');
    expect(errorMessage('constructor', 'ru')).toBe('constructor');
  });
});
