import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, Observable, of } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const CACHED_KEY = 'http:public-cache';
const MAX_ENTRIES = 1000;

/**
 * Marks a public read whose answer is the same for everyone: it may be served from this process's
 * memory and by any proxy for PUBLIC_CACHE_SECONDS. Only for routes that never look at the caller
 * and return their body (not ones that write the response themselves).
 */
export const CachedRead = (): MethodDecorator => SetMetadata(CACHED_KEY, true);

interface Entry {
  expiresAt: number;
  /** The JSON text: a hit costs no serialization. */
  json: string;
}

/**
 * Open data is read far more than it changes, and by anyone: a short-lived cache per process (and a
 * `Cache-Control: public` header for proxies and browsers) keeps a burst of public reads off
 * PostgreSQL. Entries are keyed by the full URL and bounded in number (oldest out first), so random
 * query strings cannot grow memory. One request at a time refills an entry; while it does, the
 * others get the expired copy if there is one (figures may lag a change by a few more seconds), or
 * wait for the refill rather than all computing the same answer. Errors are never kept.
 */
@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, Entry>();
  private readonly refills = new Map<string, Promise<string>>();

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
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return of(this.send(response, entry.json, 'hit'));
    const refill = this.refills.get(key);
    if (refill && entry) return of(this.send(response, entry.json, 'stale'));
    if (refill) return from(refill).pipe(map((json) => this.send(response, json, 'hit')));
    const started = this.refill(key, next, seconds);
    return from(started).pipe(map((json) => this.send(response, json, 'miss')));
  }

  private async refill(key: string, next: CallHandler, seconds: number): Promise<string> {
    const work = lastValueFrom(next.handle()).then((body) => {
      const json = JSON.stringify(body);
      this.entries.delete(key);
      this.entries.set(key, { expiresAt: Date.now() + seconds * 1000, json });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      return json;
    });
    this.refills.set(key, work);
    try {
      return await work;
    } finally {
      this.refills.delete(key);
    }
  }

  /** The stored text as the body: Express keeps the JSON content type set here. */
  private send(response: Response, json: string, state: 'hit' | 'miss' | 'stale'): string {
    response.setHeader('X-Cache', state);
    response.type('application/json');
    return json;
  }
}
