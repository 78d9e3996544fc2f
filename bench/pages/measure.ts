import { get } from 'node:http';
import { Browser, Page, Response } from 'playwright-core';
import { PHONE, throttle } from '../../test/browser/chromium';

/** Who loads the page: a browser session cookie (pages) or a bearer token (the JSON reads); nobody when absent. */
export interface Visitor {
  cookie?: { name: string; value: string };
  bearer?: string;
}

/** What one cold load on the slow phone cost: bytes as sent (compressed bodies) and when the h1 showed. */
export interface Load {
  status: number;
  /** Response bodies as they came over the wire (after Content-Encoding), by kind. */
  bytes: { html: number; css: number; js: number; other: number };
  /** Response headers, all requests together. */
  headerBytes: number;
  requests: number;
  /** Every URL the load fetched, for measuring the same bodies gzip-compressed. */
  urls: string[];
  /** Content-Encoding of the document (gzip, br or none). */
  encoding: string;
  /** Milliseconds from navigation start to the first frame with the h1 laid out and styled. */
  headingMs: number | null;
  firstPaintMs: number | null;
  /** Milliseconds from navigation start to the last byte of the document (the JSON reads' figure). */
  responseEndMs: number;
}

/**
 * Runs before any script of the page (and whatever its CSP): in every frame the browser renders,
 * notes the first in which an h1 exists with a box and every stylesheet has arrived. Frames are
 * not rendered while a stylesheet blocks rendering, so this is the frame that paints the heading.
 */
const HEADING_PROBE = `(() => {
  const look = () => {
    const h1 = document.querySelector('h1');
    const styled = [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet);
    if (h1 && styled && h1.getBoundingClientRect().height > 0) window.__headingAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

const kindOf = (response: Response): keyof Load['bytes'] => {
  const type = response.request().resourceType();
  return type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : 'other';
};

/** Opens `url` in a new context (an empty cache) on SLOW_NETWORK, JavaScript on, as a Kazakh phone. */
export async function coldLoad(browser: Browser, url: string, visitor: Visitor = {}, timeoutMs = 60000): Promise<Load> {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'kk-KZ',
    extraHTTPHeaders: visitor.bearer ? { Authorization: visitor.bearer } : undefined,
  });
  context.setDefaultTimeout(timeoutMs);
  try {
    if (visitor.cookie) await context.addCookies([{ ...visitor.cookie, url: new URL(url).origin }]);
    await context.addInitScript(HEADING_PROBE);
    const page = await context.newPage();
    await throttle(page);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    const document = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    if (!document) throw new Error(`No response for ${url}`);
    // A lapsed session would measure the sign-in page under the applicant page's name.
    if (document.request().redirectedFrom()) throw new Error(`${url} redirected to ${document.url()}`);
    const isHtml = /html/.test(document.headers()['content-type'] ?? '');
    if (isHtml) await page.waitForFunction(() => '__headingAt' in window, undefined, { timeout: timeoutMs });
    const bytes = { html: 0, css: 0, js: 0, other: 0 };
    let headerBytes = 0;
    for (const response of responses) {
      const sizes = await response.request().sizes();
      bytes[kindOf(response)] += sizes.responseBodySize;
      headerBytes += sizes.responseHeadersSize;
    }
    const timing = await timings(page);
    return {
      status: document.status(),
      bytes,
      headerBytes,
      requests: responses.length,
      urls: responses.map((response) => response.url()),
      encoding: document.headers()['content-encoding'] ?? 'none',
      headingMs: isHtml ? timing.heading : null,
      firstPaintMs: timing.firstPaint,
      responseEndMs: timing.responseEnd,
    };
  } finally {
    await context.close();
  }
}

async function timings(page: Page): Promise<{ heading: number; firstPaint: number | null; responseEnd: number }> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      heading: Math.round((window as unknown as { __headingAt?: number }).__headingAt ?? -1),
      firstPaint: paint ? Math.round(paint.startTime) : null,
      responseEnd: Math.round(navigation.responseEnd),
    };
  });
}

/**
 * The bodies of `urls` as sent to a client that accepts gzip only (the figure the goal is written
 * in; Chromium also accepts brotli, which it gets for the assets and pages). A fresh visitor each.
 */
export async function gzipBytes(urls: string[], visitor: Visitor = {}): Promise<number> {
  let total = 0;
  for (const url of urls) total += await sentBytes(url, visitor);
  return total;
}

function sentBytes(url: string, visitor: Visitor): Promise<number> {
  const headers: Record<string, string> = { 'Accept-Encoding': 'gzip', 'Accept-Language': 'kk' };
  if (visitor.cookie) headers.Cookie = `${visitor.cookie.name}=${visitor.cookie.value}`;
  return new Promise((resolve, reject) => {
    const request = get(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export const totalBytes = (load: Load): number => load.bytes.html + load.bytes.css + load.bytes.js + load.bytes.other;

/** The load with the median heading time (or response end) of several runs. */
export function medianLoad(loads: Load[]): Load {
  const key = (load: Load) => load.headingMs ?? load.responseEndMs;
  return [...loads].sort((a, b) => key(a) - key(b))[Math.floor((loads.length - 1) / 2)];
}
