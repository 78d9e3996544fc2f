import type { Response } from 'express';
import { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContext, PageContextHolder } from './page-context';

/**
 * No script runs unless it carries this response's nonce, nothing loads from another host, no
 * plugin, no framing, forms post only here. Styles come from our stylesheet only.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Renders a page with its context and sends it with the headers every page carries. */
export function sendPage(response: Response, context: PageContext, body: VNode, status: number): void {
  const html = renderToString(<PageContextHolder.Provider value={context}>{body}</PageContextHolder.Provider>);
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(context.nonce),
      'Content-Language': context.language,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      // Pages hold a CSRF token and, once signed in, personal data: never stored by a cache.
      'Cache-Control': 'no-store',
      Vary: 'Cookie, Accept-Language',
    })
    .send(`<!doctype html>${html}`);
}
