import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, Observable, of } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const CACHED_KEY = 'http:public-cache';
const MAX_ENTRIES = 1000;
/** Memory the cache may hold in all, and the largest answer it keeps (a national allocation is tens of MB). */
const MAX_BYTES = 128 * 1024 * 1024;
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

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
 * `Cache-Control: public` header for proxies and browsers on successful answers) keeps a burst of
 * public reads off PostgreSQL. Entries are keyed by the path, plus the query string only for routes
 * that read one (so `?x=1`, `?x=2`... cannot multiply entries), and bounded in number and bytes
 * (oldest out first). One request at a time refills an entry; while it does, the others get the
 * copy that expired within the last period, or wait for the refill rather than all computing the
 * same answer. Errors are never kept, and the error filter marks them `no-store`.
 */
@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, Entry>();
  private readonly refills = new Map<string, Promise<string>>();
  private bytes = 0;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(CACHED_KEY, context.getHandler()))
      return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const seconds = this.config.publicCacheSeconds;
    if (seconds === 0 || request.method !== 'GET')
      return next.handle().pipe(map((body) => this.mark(response, body, seconds)));
    const key = readsQuery(context) ? request.originalUrl : request.path;
    const entry = this.entries.get(key);
    const now = Date.now();
    if (entry && entry.expiresAt > now) return of(this.send(response, entry.json, 'hit', seconds));
    const refill = this.refills.get(key);
    if (refill && entry && entry.expiresAt > now - seconds * 1000)
      return of(this.send(response, entry.json, 'stale', seconds));
    if (refill) return from(refill).pipe(map((json) => this.send(response, json, 'hit', seconds)));
    return from(this.refill(key, next, seconds)).pipe(map((json) => this.send(response, json, 'miss', seconds)));
  }

  private async refill(key: string, next: CallHandler, seconds: number): Promise<string> {
    const work = lastValueFrom(next.handle()).then((body) => {
      const json = JSON.stringify(body);
      this.store(key, { expiresAt: Date.now() + seconds * 1000, json });
      return json;
    });
    this.refills.set(key, work);
    try {
      return await work;
    } finally {
      this.refills.delete(key);
    }
  }

  private store(key: string, entry: Entry): void {
    this.forget(key);
    if (entry.json.length > MAX_ENTRY_BYTES) return;
    this.entries.set(key, entry);
    this.bytes += entry.json.length;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES)
      this.forget(this.entries.keys().next().value as string);
  }

  private forget(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.json.length;
    this.entries.delete(key);
  }

  /** The stored text as the body: Express keeps the JSON content type set here. */
  private send(response: Response, json: string, state: 'hit' | 'miss' | 'stale', seconds: number): string {
    response.setHeader('X-Cache', state);
    response.type('application/json');
    return this.mark(response, json, seconds);
  }

  /** Only a successful answer gets here: errors go to the error filter, which says `no-store`. */
  private mark<T>(response: Response, body: T, seconds: number): T {
    response.setHeader('Cache-Control', publicCacheControl(seconds));
    return body;
  }
}

/** The Cache-Control of a successful public answer (the 360Giving export, which writes its own response, uses it too). */
export const publicCacheControl = (seconds: number): string =>
  seconds > 0 ? `public, max-age=${seconds}` : 'no-cache';

/** Whether the handler takes a `@Query()` argument: only then does the query string change the answer. */
function readsQuery(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
}
