import type { Request, Response } from 'express';

/**
 * Provided by the web module: answers an error outside the JSON API (an unknown page, a form body
 * the parser refused) with a page in the person's language instead of JSON.
 */
export const HTML_ERROR_PAGES = Symbol('HTML_ERROR_PAGES');

export interface HtmlErrorPages {
  send(request: Request, response: Response, status: number, code: string): void;
}

/** The JSON API lives under /api; every other path is a page (or an asset) for a person. */
export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');
