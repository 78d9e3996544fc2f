import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Language } from './language';
import { negotiateLanguage } from './negotiate-language';

/**
 * The reader's language from an Accept-Language header (negotiateLanguage: q values honoured,
 * regions ignored), Kazakh when it names none of ours: Kazakh first (DESIGN.md section 12).
 */
export const languageFromHeader = (header: string | undefined): Language => negotiateLanguage(header) ?? 'kk';

/** The language to print staff-written content in for this request (CSV files, reports). */
export const ReaderLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): Language =>
  languageFromHeader(ctx.switchToHttp().getRequest<Request>().headers['accept-language']),
);
