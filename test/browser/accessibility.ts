import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { BrowserContext, Page } from 'playwright-core';
import { PHONE } from './chromium';

/** WCAG 2.2 AA as axe-core checks it (DESIGN.md section 13). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const scriptless = new WeakSet<BrowserContext>();

/** Marks a context made with JavaScript off: axe is then run on a copy of its page (see below). */
export function noteScriptless(context: BrowserContext): void {
  scriptless.add(context);
}

/**
 * Runs axe-core on the page as the person sees it now and fails with a readable list of the WCAG
 * 2.2 AA violations. axe is a script: in a context with JavaScript off it cannot run (its timers
 * never fire), so there it runs on the same HTML in a scratch context with JavaScript on whose
 * own scripts are all blocked: the same DOM, the same stylesheet, nothing run.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const violations = scriptless.has(page.context()) ? await auditCopy(page) : await audit(page);
  if (violations.length)
    throw new Error(`axe found ${violations.length} WCAG violation(s) on ${label}:\n${describe(violations)}`);
}

async function audit(page: Page): Promise<Result[]> {
  return (await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations;
}

async function auditCopy(page: Page): Promise<Result[]> {
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible needs a page of a launched browser');
  const copy = await browser.newContext({ ...PHONE, viewport: page.viewportSize() ?? PHONE.viewport });
  try {
    const scratch = await copy.newPage();
    await scratch.route('**/*', async (route) => {
      const request = route.request();
      if (request.resourceType() === 'script') return route.abort();
      if (request.url() === url && request.resourceType() === 'document')
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return route.continue();
    });
    await scratch.goto(url, { waitUntil: 'load' });
    return await audit(scratch);
  } finally {
    await copy.close();
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
