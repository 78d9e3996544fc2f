import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';

/** Where `SCREENSHOTS=1 npx jest test/browser` writes the pictures the README shows. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * Saves what the phone shows to docs/screenshots/<name>.png, at CSS pixels (360 px wide, so the
 * files stay small), only when SCREENSHOTS=1: an ordinary test run leaves the work tree alone.
 * Returns the file written, or null.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string | null> {
  if (process.env.SCREENSHOTS !== '1') return null;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Screenshot names are lower-case words with dashes: ${name}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, scale: 'css', fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}
