import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../common/errors/domain-error';
import { HtmlErrorPages } from '../../common/errors/html-error-pages';
import { WebRequest } from '../session/web-request';
import { ProblemPage } from '../ui/problem.page';
import { WebErrors } from '../web.errors';
import { describeProblem } from './problem';
import { WebPages } from './web-pages';
import { safeLocalPath } from './web-result';

/**
 * Errors on web pages become pages: sign in first (then straight back), "not found" for what the
 * person may not see (another applicant's ids look like ids that do not exist), and otherwise the
 * problem in the person's language with the status the JSON API would give. The global error
 * filter hands over errors outside the JSON API too (an unknown path, a refused form body).
 */
@Catch()
@Injectable()
export class WebErrorFilter implements ExceptionFilter, HtmlErrorPages {
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
    const status = statusOf(error);
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const code = error instanceof DomainError ? error.code : `HTTP.${status}`;
    this.render(request, response, status, code, error instanceof DomainError ? error.details : undefined);
  }

  send(request: Request, response: Response, status: number, code: string): void {
    this.render(request, response, status, code);
  }

  private render(
    request: WebRequest,
    response: Response,
    status: number,
    code: string,
    details?: Record<string, unknown>,
  ): void {
    const { title, message } = describeProblem(this.pages.context(request).t, status, code, details);
    this.pages.send(request, response, <ProblemPage title={title} message={message} />, status);
  }
}

function statusOf(error: unknown): number {
  if (error instanceof DomainError) {
    // A page for something the person may not see answers as if it did not exist.
    const ownership =
      error.kind === 'forbidden' &&
      error.code !== WebErrors.CSRF_REFUSED.code &&
      error.code !== AuthErrors.FORBIDDEN.code;
    return ownership ? 404 : HTTP_STATUS_BY_KIND[error.kind];
  }
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
