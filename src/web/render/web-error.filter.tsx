import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../common/errors/domain-error';
import { WebRequest } from '../session/web-request';
import { ProblemPage } from '../ui/problem.page';
import { WebErrors } from '../web.errors';
import { WebPages } from './web-pages';
import { safeLocalPath } from './web-result';

/**
 * Errors on web pages become pages: sign in first (then straight back), "not found" for what the
 * person may not see (another applicant's ids look like ids that do not exist), and otherwise the
 * problem in the person's language with the status the JSON API would give.
 */
@Catch()
@Injectable()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrorFilter');

  constructor(private readonly pages: WebPages) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError && error.code === AuthErrors.UNAUTHENTICATED.code) {
      const next = request.method === 'GET' ? request.originalUrl : (request.get('referer') ?? '/');
      const local = safeLocalPath(next.replace(/^https?:\/\/[^/]+/, ''));
      response.redirect(303, `/sign-in?next=${encodeURIComponent(local)}`);
      return;
    }
    const { t } = this.pages.context(request);
    const status = statusOf(error);
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const title =
      status === 404
        ? t.t('common.error.notFound.title')
        : status === 403
          ? t.t('common.error.forbidden.title')
          : status >= 500
            ? t.t('common.error.server.title')
            : t.t('common.error.title');
    const message =
      error instanceof DomainError && error.code === WebErrors.CSRF_REFUSED.code
        ? t.t('common.error.csrf')
        : status === 404
          ? t.t('common.error.notFound.body')
          : status >= 500
            ? t.t('common.error.server.body')
            : error instanceof DomainError
              ? error.message
              : undefined;
    this.pages.send(request, response, <ProblemPage title={title} message={message} />, status);
  }
}

function statusOf(error: unknown): number {
  if (error instanceof DomainError) {
    // A page for something the person may not see answers as if it did not exist.
    return error.kind === 'forbidden' &&
      error.code !== WebErrors.CSRF_REFUSED.code &&
      error.code !== AuthErrors.FORBIDDEN.code
      ? 404
      : HTTP_STATUS_BY_KIND[error.kind];
  }
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
