import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../modules/users/domain/language';
import { AREAS, CATALOGUE } from './catalogue';
import { MessageText } from './define-messages';

const placeholders = (text: MessageText): string[] =>
  [
    ...new Set(
      Object.values(typeof text === 'string' ? { other: text } : text).flatMap((form) =>
        [...(form ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      ),
    ),
  ].sort();

/** Plural categories each language needs (Intl.PluralRules), for texts that depend on a count. */
const CATEGORIES = Object.fromEntries(
  LANGUAGES.map((language) => [language, new Intl.PluralRules(language).resolvedOptions().pluralCategories]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the web catalogues', () => {
  const keys = Object.keys(CATALOGUE.en).sort();

  it.each(LANGUAGES)('%s has exactly the keys the others have', (language) => {
    expect(Object.keys(CATALOGUE[language]).sort()).toEqual(keys);
  });

  it('prefixes every key with its area, and no two areas share a key', () => {
    const seen = new Set<string>();
    for (const [area, messages] of Object.entries(AREAS)) {
      for (const key of Object.keys(messages.en)) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(key.split('.')[0]).toBe(area === 'publicSite' ? 'public' : area);
      }
    }
  });

  it.each(keys)('%s has the same placeholders in every language, no empty text, and every plural form', (key) => {
    const messages = LANGUAGES.map((language) => CATALOGUE[language][key as keyof (typeof CATALOGUE)['en']]);
    for (const message of messages) expect(placeholders(message)).toEqual(placeholders(messages[2]));
    LANGUAGES.forEach((language, index) => {
      const message = messages[index];
      if (typeof message === 'string') {
        expect(message.trim()).not.toBe('');
      } else {
        for (const category of CATEGORIES[language])
          if (category !== 'zero' && category !== 'two')
            expect(message[category] ?? (category === 'other' ? '' : undefined)).toBeTruthy();
        expect(placeholders(message)).toContain('count');
      }
    });
  });

  it('knows every key the pages and controllers use', () => {
    const used = sourceFiles(join(__dirname, '..')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:\bt\.t\(\s*|message: |Key: )'([a-zA-Z]+\.[\w.]+)'/g)].map(
        (m) => `${m[1]} (${file})`,
      );
    });
    expect(used.length).toBeGreaterThan(10);
    const unknown = used.filter((entry) => !(entry.split(' ')[0] in CATALOGUE.en));
    expect(unknown).toEqual([]);
  });
});
