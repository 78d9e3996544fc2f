import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BrowserAuthenticator } from '../../common/auth/browser-authenticator';
import { AuthUser } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BrowserSessionsService } from '../../modules/auth/browser-sessions.service';
import { Language } from '../../modules/users/domain/language';
import { isLanguage, negotiateLanguage } from '../i18n/negotiate';
import { WebErrors } from '../web.errors';
import { cookieNames, parseCookies, serializeCookie } from './cookies';
import { CsrfTokens, fromOurOrigin } from './csrf';
import { WebRequest } from './web-request';

const VISITOR_SHAPE = /^[A-Za-z0-9_-]{22}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Everything a web request needs before its page runs: who is signed in (from the session cookie),
 * the language, a nonce for the page's scripts, and its CSRF token; a state-changing request must
 * also come from our own pages (Sec-Fetch-Site, Origin) with a matching token.
 */
@Injectable()
export class BrowserRequests implements BrowserAuthenticator {
  private readonly csrf: CsrfTokens;
  private readonly secure: boolean;
  private readonly names: ReturnType<typeof cookieNames>;
  private readonly publicOrigin: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: BrowserSessionsService,
  ) {
    this.csrf = new CsrfTokens(config.jwtSecret);
    this.secure = config.publicUrl.startsWith('https:');
    this.names = cookieNames(this.secure);
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  async authenticate(request: WebRequest): Promise<AuthUser | null> {
    const response = request.res as Response;
    const cookies = parseCookies(request.headers.cookie);
    const secret = cookies.get(this.names.session);
    const session = secret ? await this.sessions.resolve(secret) : null;
    if (secret && !session) this.clear(response, this.names.session);
    const binding = session ? `session:${session.id}` : `visitor:${this.visitor(cookies, response)}`;
    const language: Language =
      session?.preferredLanguage ??
      (isLanguage(cookies.get(this.names.language)) ? (cookies.get(this.names.language) as Language) : null) ??
      negotiateLanguage(request.headers['accept-language']) ??
      'kk';
    request.web = {
      nonce: randomBytes(16).toString('base64'),
      language,
      session,
      csrfToken: this.csrf.tokenFor(binding),
    };
    if (!SAFE_METHODS.has(request.method)) this.checkForgery(request, binding, Boolean(secret && !session));
    return session ? { id: session.userId, roles: session.roles } : null;
  }

  /** Sets the cookie that carries a new session's secret (a new name-value, so any earlier one is gone). */
  startSession(response: Response, secret: string): void {
    response.append(
      'Set-Cookie',
      serializeCookie(this.names.session, secret, {
        secure: this.secure,
        httpOnly: true,
        maxAgeSeconds: this.config.webSessionAbsoluteHours * 3600,
      }),
    );
  }

  endSession(response: Response): void {
    this.clear(response, this.names.session);
  }

  rememberLanguage(response: Response, language: Language): void {
    response.append(
      'Set-Cookie',
      serializeCookie(this.names.language, language, {
        secure: this.secure,
        httpOnly: true,
        maxAgeSeconds: YEAR_SECONDS,
      }),
    );
  }

  private checkForgery(request: Request, binding: string, sessionLapsed: boolean): void {
    const ourOrigins = [this.publicOrigin, `${request.protocol}://${request.get('host') ?? ''}`];
    const presented =
      (request.body as Record<string, unknown> | undefined)?._csrf ??
      request.headers['x-csrf-token'] ??
      request.query._csrf;
    if (fromOurOriginAndToken(request, ourOrigins, this.csrf.matches(binding, presented))) return;
    // A form opened while signed in, sent after the session lapsed: sign in again rather than "forged".
    if (sessionLapsed) throw new DomainError(AuthErrors.UNAUTHENTICATED);
    throw new DomainError(WebErrors.CSRF_REFUSED);
  }

  private visitor(cookies: Map<string, string>, response: Response): string {
    const existing = cookies.get(this.names.anonymous);
    if (existing && VISITOR_SHAPE.test(existing)) return existing;
    const visitor = randomBytes(16).toString('base64url');
    response.append(
      'Set-Cookie',
      serializeCookie(this.names.anonymous, visitor, {
        secure: this.secure,
        httpOnly: true,
        maxAgeSeconds: YEAR_SECONDS,
      }),
    );
    return visitor;
  }

  private clear(response: Response, name: string): void {
    response.append('Set-Cookie', serializeCookie(name, '', { secure: this.secure, httpOnly: true, maxAgeSeconds: 0 }));
  }
}

function fromOurOriginAndToken(request: Request, ourOrigins: string[], tokenMatches: boolean): boolean {
  return tokenMatches && fromOurOrigin(request.headers as { origin?: string; 'sec-fetch-site'?: string }, ourOrigins);
}
