import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { AccessTokens } from './access-tokens';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { BROWSER_AUTHENTICATOR, BrowserAuthenticator, WEB_KEY } from './browser-authenticator';
import { AuthUser, Role } from './role';

/**
 * Deny by default: a route must declare `@Public()` or `@Roles(...)`. A route that declares neither
 * is refused for everyone (and the route-coverage test fails), so forgetting is never an open door.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    @Optional() @Inject(BROWSER_AUTHENTICATOR) private readonly browser?: BrowserAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    // Web pages know a person by the session cookie only, the JSON API by the bearer token only:
    // a cookie never opens the API (no CSRF there), and a token never opens a page.
    const isWeb = this.reflector.get<boolean>(WEB_KEY, context.getClass()) === true;
    if (isWeb && !this.browser) throw new Error('A web page is served without the web module');
    const user = isWeb && this.browser ? await this.browser.authenticate(request) : this.authenticate(request);
    if (user) request.user = user;
    if (isPublic) return true;
    if (!roles || roles.length === 0)
      throw new DomainError(AuthErrors.FORBIDDEN, { reason: 'route declares no access rule' });
    if (!user) throw new DomainError(AuthErrors.UNAUTHENTICATED);
    if (!user.roles.some((role) => roles.includes(role))) {
      throw new DomainError(AuthErrors.FORBIDDEN, { requiredRoles: roles });
    }
    return true;
  }

  private authenticate(request: Request): AuthUser | null {
    const header = request.headers.authorization;
    if (!header) return null;
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return null;
    return this.tokens.verify(token);
  }
}
