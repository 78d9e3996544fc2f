import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, of, tap } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const CACHED_KEY = 'http:public-cache';
const MAX_ENTRIES = 1000;

/**
 * Marks a public read whose answer is the same for everyone: it may be served from this process's
 * memory and by any proxy for PUBLIC_CACHE_SECONDS. Only for routes that never look at the caller.
 */
export const CachedRead = (): MethodDecorator => SetMetadata(CACHED_KEY, true);

interface Entry {
  expiresAt: number;
  body: unknown;
}

/**
 * Open data is read far more than it changes, and by anyone: a short-lived cache per process (and a
 * `Cache-Control: public` header for proxies and browsers) keeps a burst of public reads off
 * PostgreSQL. Entries are keyed by the full URL and bounded in number (oldest out first), so random
 * query strings cannot grow memory. Figures may lag a change by up to the configured seconds.
 */
@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(CACHED_KEY, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const seconds = this.config.publicCacheSeconds;
    response.setHeader('Cache-Control', seconds > 0 ? `public, max-age=${seconds}` : 'no-cache');
    if (seconds === 0 || request.method !== 'GET') return next.handle();
    const key = request.originalUrl;
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) {
      response.setHeader('X-Cache', 'hit');
      return of(hit.body);
    }
    response.setHeader('X-Cache', 'miss');
    // A handler that writes the response itself returns nothing: there is nothing to keep.
    return next.handle().pipe(tap((body) => body !== undefined && this.store(key, body, seconds)));
  }

  private store(key: string, body: unknown, seconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, { expiresAt: Date.now() + seconds * 1000, body });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
