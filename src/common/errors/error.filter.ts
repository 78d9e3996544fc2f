import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AccessTokens } from '../auth/access-tokens';
import { AuthUser } from '../auth/role';
import { errorMessage, hasErrorMessage } from '../i18n/error-message';
import { Language } from '../i18n/language';
import { DEFAULT_API_LANGUAGE, negotiateLanguage } from '../i18n/negotiate-language';
import { PREFERRED_LANGUAGES, PreferredLanguages } from '../i18n/preferred-languages';
import { AuthErrors, CommonErrors, DatabaseErrors, UnexpectedError } from './common.errors';
import { errorForConstraint } from './constraint-errors';
import { HTML_ERROR_PAGES, HtmlErrorPages, isApiPath } from './html-error-pages';
import { DomainError, ErrorSpec, HTTP_STATUS_BY_KIND } from './domain-error';

interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

interface PgDriverError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

/** How long an error answer waits for the person's language before going by the header instead. */
const LANGUAGE_LOOKUP_MS = 500;

/**
 * The single place where failures become HTTP responses: `{ code, message, details }`. The message
 * is in the caller's language: a signed-in person's preferred language (read now, so a change shows
 * at once), else the best of `Accept-Language`, else English. The code and details never change.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(
    @Optional() private readonly tokens?: AccessTokens,
    @Optional() @Inject(PREFERRED_LANGUAGES) private readonly preferred?: PreferredLanguages,
    @Optional() @Inject(HTML_ERROR_PAGES) private readonly pages?: HtmlErrorPages,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { user?: AuthUser }>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) {
      this.logger.error({ err: exception }, 'Unhandled error');
    }
    if ((status === 429 || status === 503) && body.details.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(body.details.retryAfterSeconds));
    }
    if (this.pages && !isApiPath(request.path)) {
      this.pages.send(request, response, status, body.code);
      return;
    }
    // An error is about this moment (a database restarting, a competition not open yet): no proxy keeps it.
    response.setHeader('Cache-Control', 'no-store');
    response.vary('Accept-Language');
    void this.languageOf(request, body.code)
      .catch(() => DEFAULT_API_LANGUAGE)
      .then((language) => {
        const message = hasErrorMessage(body.code) ? errorMessage(body.code, language, body.details) : body.message;
        response.setHeader('Content-Language', language);
        response.status(status).json({ ...body, message });
      });
  }

  private async languageOf(request: Request & { user?: AuthUser }, code: string): Promise<Language> {
    // Body parsing fails before the guard has read the token: read it here, it is only a signature check.
    const userId = request.user?.id ?? this.bearerUser(request)?.id;
    // With the database unreachable there is nobody to ask.
    if (userId && this.preferred && code !== DatabaseErrors.UNAVAILABLE.code) {
      const preferred = await withTimeout(this.preferred.preferredLanguageOf(userId), LANGUAGE_LOOKUP_MS).catch(
        () => null,
      );
      if (preferred) return preferred;
    }
    return negotiateLanguage(request.headers['accept-language']) ?? DEFAULT_API_LANGUAGE;
  }

  private bearerUser(request: Request): AuthUser | null {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (!this.tokens || scheme?.toLowerCase() !== 'bearer' || !token) return null;
    return this.tokens.verify(token);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      return this.fromSpec(exception, exception.details);
    }
    if (databaseUnreachable(exception)) return this.fromSpec(DatabaseErrors.UNAVAILABLE, { retryAfterSeconds: 5 });
    if (exception instanceof QueryFailedError) {
      const mapped = this.fromDatabase(exception.driverError as PgDriverError);
      if (mapped) return mapped;
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception);
    }
    const bodyProblem = this.fromBodyParser(exception);
    if (bodyProblem) return bodyProblem;
    return this.fromSpec(UnexpectedError);
  }

  private fromSpec(
    spec: Pick<ErrorSpec, 'code' | 'kind' | 'message'>,
    details: Record<string, unknown> = {},
  ): { status: number; body: ErrorBody } {
    return { status: HTTP_STATUS_BY_KIND[spec.kind], body: { code: spec.code, message: spec.message, details } };
  }

  /**
   * body-parser fails before any route runs, with http-errors that carry a status and often a
   * `type`: too large (also too many form fields), not JSON, an unknown encoding or charset, a
   * broken gzip stream, a body shorter than its Content-Length. Each is the client's mistake.
   */
  private fromBodyParser(exception: unknown): { status: number; body: ErrorBody } | undefined {
    const error = exception as { type?: unknown; status?: unknown; expose?: unknown } | null;
    if (
      !error ||
      typeof error.status !== 'number' ||
      error.expose !== true ||
      error.status < 400 ||
      error.status >= 500
    )
      return undefined;
    if (error.type === 'entity.parse.failed') return this.fromSpec(CommonErrors.MALFORMED_JSON);
    if (error.status === 413) return this.fromSpec(CommonErrors.TOO_LARGE);
    if (error.status === 415)
      return this.fromSpec(CommonErrors.UNSUPPORTED_ENCODING, { reason: String((exception as Error).message) });
    return this.fromSpec(CommonErrors.MALFORMED_BODY);
  }

  private fromDatabase(error: PgDriverError): { status: number; body: ErrorBody } | undefined {
    const constraint = error.constraint;
    if (error.code === '23503' && error.detail?.includes('is still referenced')) {
      return this.fromSpec(DatabaseErrors.REFERENCE_IN_USE, { constraint });
    }
    const registered = errorForConstraint(constraint);
    if (registered) return this.fromSpec(registered, { constraint });
    switch (error.code) {
      case '23505':
        return this.fromSpec(DatabaseErrors.DUPLICATE, { constraint });
      case '23503':
        return this.fromSpec(DatabaseErrors.REFERENCE_NOT_FOUND, { constraint });
      case '23502':
      case '23514':
      case '23P01':
        return this.fromSpec(DatabaseErrors.CONSTRAINT_VIOLATED, {
          constraint,
          column: (error as { column?: string }).column,
        });
      // Input the validators let through but PostgreSQL cannot read: a backstop, never a 500.
      case '22P02':
      case '22021':
      case '22P05':
      case '22001':
      case '22007':
      case '22008':
      case '22003':
        return this.fromSpec(CommonErrors.VALIDATION_FAILED, { reason: 'value not accepted by the database' });
      default:
        return undefined;
    }
  }

  private fromHttpException(exception: HttpException): { status: number; body: ErrorBody } {
    const status = exception.getStatus();
    const bodyParserType = (exception.cause as { type?: string } | undefined)?.type;
    if (status === 413 || bodyParserType === 'entity.too.large') return this.fromSpec(CommonErrors.TOO_LARGE);
    if (status === 404) return this.fromSpec(CommonErrors.ROUTE_NOT_FOUND);
    if (status === 401) return this.fromSpec(AuthErrors.UNAUTHENTICATED);
    if (status === 403) return this.fromSpec(AuthErrors.FORBIDDEN);
    if (status === 400) {
      const malformed = /JSON|Unexpected token|position/i.test(exception.message);
      return this.fromSpec(malformed ? CommonErrors.MALFORMED_JSON : CommonErrors.VALIDATION_FAILED);
    }
    // A status of the framework's own that no spec names: its English reason, as it comes.
    return {
      status,
      body: { code: `HTTP.${status}`, message: exception.message, details: {} },
    };
  }
}

/** The promise, or a rejection once `ms` have passed. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** SQLSTATE classes and codes that mean the server went away or refused a connection, not that the request was wrong. */
const UNREACHABLE_CODES = /^(08(?!P01)|57P0[123]$|53300$)/;
const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** What the pg driver says, without a code, when a connection dies under a query or cannot be had in time. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|terminating connection|Client has encountered a connection error/i;

/**
 * True when PostgreSQL could not be reached (restarting, crashed, failing over, out of connection
 * slots): the client should retry, so it is a 503 with Retry-After, not an unexplained 500. A
 * connection lost during COMMIT may still have committed: idempotency keys and compare-and-set
 * updates are what make the retry safe.
 */
export function databaseUnreachable(exception: unknown): boolean {
  const error = (exception instanceof QueryFailedError ? exception.driverError : exception) as {
    code?: unknown;
    message?: unknown;
  } | null;
  if (!error || typeof error !== 'object') return false;
  if (typeof error.code === 'string' && (UNREACHABLE_CODES.test(error.code) || UNREACHABLE_ERRNO.has(error.code)))
    return true;
  return typeof error.message === 'string' && UNREACHABLE_MESSAGE.test(error.message);
}
