import { LANGUAGES, Language } from './language';

/**
 * The language of a JSON answer to a caller who names none of ours (no `Accept-Language`, or only
 * languages we do not have) and is not signed in: English, what API clients have always read.
 */
export const DEFAULT_API_LANGUAGE: Language = 'en';

/** A header longer than this, or with more ranges, is read only this far: nobody needs more. */
const MAX_HEADER_LENGTH = 1000;
const MAX_RANGES = 30;
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The language of ours an `Accept-Language` header prefers (RFC 9110 §12.5.4): the highest q wins,
 * ties go to the range listed first; a region or script is ignored (`kk-KZ` and `kk-Cyrl-KZ` are
 * kk); `*` stands for the languages the header does not name, Kazakh first; `q=0` refuses a
 * language. Null when the header is absent, unreadable or names none of ours, so the caller picks
 * its own default. Malformed ranges are skipped, never an error.
 */
export function negotiateLanguage(header: string | readonly string[] | null | undefined): Language | null {
  const text = (Array.isArray(header) ? header.join(',') : (header ?? '')) as string;
  const ranges = text.slice(0, MAX_HEADER_LENGTH).split(',').slice(0, MAX_RANGES).map(parseRange);
  const named = new Map<Language, number>();
  let wildcard: number | null = null;
  for (const range of ranges) {
    if (!range) continue;
    if (range.tag === '*') {
      wildcard ??= range.quality;
      continue;
    }
    const language = LANGUAGES.find((l) => l === range.tag.split('-')[0]);
    if (!language) continue;
    // A bare `ru;q=0` refuses Russian wherever it stands; a refused region (`ru-UA;q=0`) refuses nothing.
    if (range.quality === 0) {
      if (range.tag === language) named.set(language, 0);
      continue;
    }
    const previous = named.get(language);
    if (previous === undefined || (previous !== 0 && range.quality > previous)) named.set(language, range.quality);
  }
  let best: Language | null = null;
  let bestQuality = 0;
  for (const [language, quality] of named) {
    if (quality > bestQuality) [best, bestQuality] = [language, quality];
  }
  if (wildcard !== null && wildcard > bestQuality) {
    const unnamed = LANGUAGES.find((l) => !named.has(l));
    if (unnamed) return unnamed;
  }
  return best;
}

function parseRange(part: string): { tag: string; quality: number } | null {
  const [rawTag, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
  if (!rawTag || !RANGE.test(rawTag)) return null;
  let quality = 1;
  for (const param of params) {
    if (!param.startsWith('q=')) continue;
    const match = QUALITY.exec(param.replace(/\s+/g, ''));
    if (!match) return null;
    quality = Number(match[1]);
  }
  return { tag: rawTag, quality };
}
