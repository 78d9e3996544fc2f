import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { PHONE } from './chromium';

/** WCAG 2.2 AA as axe-core checks it (DESIGN.md section 13). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const scriptless = new WeakSet<BrowserContext>();

/** Marks a context made with JavaScript off: axe is then run on a copy of its page (see below). */
export function noteScriptless(context: BrowserContext): void {
  scriptless.add(context);
}

export interface AccessibleOptions {
  /** Scan even when a page like this one was scanned already in this test file (see below). */
  always?: boolean;
}

/** The pages this test file has scanned (each Jest test file has its own module registry). */
const scanned = new Set<string>();

/**
 * Runs axe-core on the page as the person sees it now and fails with a readable list of the WCAG
 * 2.2 AA violations. axe is a script: in a context with JavaScript off it cannot run (its timers
 * never fire), so there it runs on the same HTML in a scratch context with JavaScript on whose
 * own scripts are all blocked: the same DOM, the same stylesheet, nothing run.
 *
 * Every distinct page is scanned at least once per test file; a page alike to one scanned already
 * is not scanned again. Alike means: the same route template (the URL path with ids, numbers and
 * long tokens replaced, the query left out), the same language (the page's own `lang`), JavaScript
 * on or off, the same screen width, with or without an error summary, and offering the same things:
 * the same forms (by action), controls (by tag, type and name) and links in `main` (by route
 * template), so a round page that now shows the close form instead of the open button, or the
 * header of a signed-in person, is scanned again. What is left is a second visit to the same page
 * in the same state with other data (a table with two rows instead of six, a notice above it):
 * scanning it again cost seconds and proved nothing new. `{ always: true }` scans anyway (for a
 * DOM that a script rebuilt in place).
 */
export async function expectAccessible(page: Page, label = page.url(), options: AccessibleOptions = {}): Promise<void> {
  const key = await pageKind(page);
  if (scanned.has(key) && !options.always) return;
  const violations = scriptless.has(page.context()) ? await auditCopy(page) : await audit(page);
  if (violations.length)
    throw new Error(`axe found ${violations.length} WCAG violation(s) on ${label}:\n${describe(violations)}`);
  scanned.add(key);
}

/** What makes two pages alike for axe: see expectAccessible. */
export async function pageKind(page: Page): Promise<string> {
  const url = page.url();
  const seen = await page.evaluate(() => ({
    language: document.documentElement.lang,
    errors: document.querySelector('.error-summary') !== null,
    forms: Array.from(document.forms, (form) => form.getAttribute('action') ?? ''),
    controls: Array.from(
      document.querySelectorAll('input, select, textarea, button'),
      (control) =>
        `${control.tagName.toLowerCase()}:${control.getAttribute('type') ?? ''}:${control.getAttribute('name') ?? ''}`,
    ),
    links: Array.from(document.querySelectorAll('main a[href]'), (link) => link.getAttribute('href') ?? ''),
  }));
  const within = (href: string) => (href.startsWith('#') ? href : routeTemplate(new URL(href, url).href));
  const offers = [
    ...new Set([
      ...seen.forms.map((a) => `form ${within(a)}`),
      ...seen.controls,
      ...seen.links.map((h) => `link ${within(h)}`),
    ]),
  ].sort();
  return [
    routeTemplate(url),
    seen.language || '?',
    scriptless.has(page.context()) ? 'no-js' : 'js',
    page.viewportSize()?.width ?? 0,
    seen.errors ? 'errors' : 'ok',
    createHash('sha1').update(offers.join('\n')).digest('hex').slice(0, 12),
  ].join(' ');
}

/** The URL's path with ids (UUIDs), numbers and long tokens replaced: /manage/applications/:id/return. */
export function routeTemplate(url: string): string {
  return new URL(url).pathname
    .split('/')
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)
        ? ':id'
        : /^\d+$/.test(segment)
          ? ':n'
          : /^[A-Za-z0-9_-]{24,}$/.test(segment)
            ? ':token'
            : segment,
    )
    .join('/');
}

async function audit(page: Page): Promise<Result[]> {
  return (await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations;
}

/** A scratch page with JavaScript on whose own scripts never run, serving one page's HTML at a time. */
interface Scratch {
  page: Page;
  serving?: { url: string; html: string };
}

/**
 * One scratch page per browser and screen size, kept for the browser's life (closing the browser
 * closes it): a new context for every scan cost a renderer process and the stylesheet each time.
 * Scans of one test file run one after another, as its tests do.
 */
const scratches = new WeakMap<Browser, Map<string, Promise<Scratch>>>();

function scratchFor(browser: Browser, viewport: { width: number; height: number }): Promise<Scratch> {
  let bySize = scratches.get(browser);
  if (!bySize) scratches.set(browser, (bySize = new Map()));
  const size = `${viewport.width}x${viewport.height}`;
  let scratch = bySize.get(size);
  if (!scratch) {
    scratch = openScratch(browser, viewport);
    bySize.set(size, scratch);
  }
  return scratch;
}

async function openScratch(browser: Browser, viewport: { width: number; height: number }): Promise<Scratch> {
  // One device pixel per CSS pixel: axe reads the DOM and computed styles, never the pixels.
  const context = await browser.newContext({ ...PHONE, viewport, deviceScaleFactor: 1 });
  const scratch: Scratch = { page: await context.newPage() };
  await scratch.page.route('**/*', async (route) => {
    const request = route.request();
    if (request.resourceType() === 'script') return route.abort();
    if (scratch.serving && request.url() === scratch.serving.url && request.resourceType() === 'document')
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: scratch.serving.html });
    return route.continue();
  });
  return scratch;
}

async function auditCopy(page: Page): Promise<Result[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible needs a page of a launched browser');
  const scratch = await scratchFor(browser, page.viewportSize() ?? PHONE.viewport!);
  // Without the fragment: the scratch page then always loads a new document, even for its last URL.
  scratch.serving = { url: page.url().replace(/#.*$/, ''), html: await page.content() };
  try {
    await scratch.page.goto(scratch.serving.url, { waitUntil: 'load' });
    return await audit(scratch.page);
  } finally {
    scratch.serving = undefined;
  }
}

function describe(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    ... and ${violation.nodes.length - 5} more` : '';
      return `- ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}
