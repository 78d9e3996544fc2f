import { Readable } from 'node:stream';
import { FunctionComponent, h, VNode } from 'preact';

/** A page to send, rendered by the web render interceptor with the request's context. */
export class PageResult {
  constructor(
    readonly body: VNode,
    readonly status: number,
  ) {}
}

/** 303 See Other: where a form post goes next (POST-redirect-GET), or where a person must go first. */
export class RedirectResult {
  constructor(readonly location: string) {}
}

/** A page component with its data, e.g. `page(HomePage, { competitions })`, sent with `status`. */
export function page<P extends object>(component: FunctionComponent<P>, props: P, status = 200): PageResult {
  return new PageResult(h(component, props) as unknown as VNode, status);
}
export const seeOther = (location: string): RedirectResult => new RedirectResult(location);

/** A file to download (never shown inline): its bytes, media type and the name the browser saves it under. */
export class FileResult {
  constructor(
    readonly content: Buffer | Readable,
    readonly type: string,
    readonly filename: string,
    readonly length?: number,
  ) {}
}
export const download = (content: Buffer, type: string, filename: string): FileResult =>
  new FileResult(content, type, filename, content.length);

/** Only paths of this site, so a `next` parameter can never send a person elsewhere. */
export function safeLocalPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length > 500) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  return [...candidate].some((c) => c.charCodeAt(0) < 0x20) ? fallback : candidate;
}
