import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { LANGUAGES, Language } from './language';

/**
 * The reader's language from an Accept-Language header: the first of kk, ru, en by the listed
 * preference (q values honoured, regions ignored: ru-RU counts as ru); Kazakh when none is named.
 */
export function languageFromHeader(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => (LANGUAGES as readonly string[]).includes(t.lang) && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.lang as Language | undefined) ?? 'kk';
}

/** The language to print staff-written content in for this request (CSV files, reports). */
export const ReaderLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): Language =>
  languageFromHeader(ctx.switchToHttp().getRequest<Request>().headers['accept-language']),
);
