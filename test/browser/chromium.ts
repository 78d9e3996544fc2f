import { existsSync } from 'node:fs';
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install -y chromium`), never a browser build of Playwright's own:
 * this machine, the developers' and CI's reach no download host. CHROMIUM_PATH points elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The slow phone of DESIGN.md section 13: 400 ms round trips, 400 kbit/s each way (bytes per second). */
export const SLOW_NETWORK = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

/** A small phone: 360 x 740 CSS pixels at 2x, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  timezoneId: 'Asia/Almaty',
};

/** Debian's Chromium, headless, with nothing that would call home (this machine's network is closed). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests use Debian's (apt-get install -y chromium; ` +
        `./scripts/test.sh installs it when missing), or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Puts a page on SLOW_NETWORK through the DevTools protocol (Playwright has no throttling of its own). */
export async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_NETWORK });
}
