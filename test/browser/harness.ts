import { createServer } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { linksTo } from '../../src/modules/notifications/mail/mail-transport';
import { ReceivedMail, SmtpSink } from '../helpers/smtp-sink';
import { MessageKey } from '../../src/web/i18n/catalogue';
import { MessageParams, translator } from '../../src/web/i18n/translator';
import { createTestApp, TestContext } from '../helpers/test-app';
import { startWorker } from '../helpers/worker-context';
import { noteScriptless } from './accessibility';
import { launchChromium, PHONE, throttle } from './chromium';

export type { AccessibleOptions } from './accessibility';
export { expectAccessible } from './accessibility';
export { CHROMIUM_PATH, launchChromium, PHONE, SLOW_NETWORK, throttle } from './chromium';
export { screenshot } from './screenshots';

/**
 * A budget for one browser action or navigation, not a speed goal: it holds at 400 kbps with both
 * cores busy (Jest runs three suites at once). Speed is measured by `npm run bench -- pages`.
 */
export const ACTION_TIMEOUT_MS = 60000;

export type SiteLanguage = 'kk' | 'ru' | 'en';
const LOCALES: Record<SiteLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** A staff member's wide screen (CSS pixels). */
export const DESK_VIEWPORT = { width: 1280, height: 900 };

/**
 * A text of the message catalogue (CATALOGUE[language]) as the pages print it, placeholders and
 * plural forms filled: assertions read the catalogue rather than repeat one language's words.
 */
export function message(language: SiteLanguage, key: MessageKey, params?: MessageParams): string {
  return translator(language).t(key, params);
}

export interface PhoneOptions {
  /** The browser's own language (Accept-Language, navigator.language): kk-KZ, ru-RU or en-GB. */
  language: SiteLanguage;
  javaScript: boolean;
  /** The phone's page on SLOW_NETWORK (see `throttle`); pages opened later are not. */
  throttled?: boolean;
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Dialogs (alert, confirm, prompt) the page opened: an injected script would show up here. */
  dialogs: string[];
  close: () => Promise<void>;
}

export interface SiteOptions {
  /** Environment overrides for the app (and the worker). */
  env?: Record<string, string>;
  /** A real SMTP server and the real worker in this process: mail is sent and can be read. */
  mail?: boolean;
}

/** Fast relay and retries for the worker, so a mail arrives within a second on an idle machine. */
const FAST_MAIL = { RELAY_INTERVAL_MS: '100', NOTIFICATION_BACKOFF_MS: '100', STALE_QUEUED_MS: '500' };

/**
 * The real app listening on a free port of 127.0.0.1 (its own database and Redis prefix, as every
 * integration suite), optionally with mail going through the worker to a local SMTP server, and
 * Debian's Chromium. One per test file: `beforeAll(() => openSite())`, `afterAll(() => site.close())`.
 */
export class Site {
  private constructor(
    readonly ctx: TestContext,
    readonly origin: string,
    readonly browser: Browser,
    readonly sink: SmtpSink | undefined,
    private readonly worker: INestApplicationContext | undefined,
  ) {}

  static async open(options: SiteOptions = {}): Promise<Site> {
    const browser = await launchChromium();
    let sink: SmtpSink | undefined;
    let ctx: TestContext | undefined;
    try {
      sink = options.mail ? await SmtpSink.start() : undefined;
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      // Mail links start with PUBLIC_URL: the browser can follow them as they are.
      const env = { PUBLIC_URL: origin, ...(sink ? { ...FAST_MAIL, SMTP_URL: sink.url } : {}), ...options.env };
      ctx = await createTestApp(env);
      await ctx.app.listen(port, '127.0.0.1');
      const worker = sink ? await startWorker(ctx.databaseName, env) : undefined;
      return new Site(ctx, origin, browser, sink, worker);
    } catch (error) {
      await ctx?.close();
      await sink?.stop();
      await browser.close();
      throw error;
    }
  }

  /** A new phone (its own cookies): 360 x 740 CSS pixels at 2x, touch, in `language`, JS on or off. */
  async phone(options: PhoneOptions): Promise<Phone> {
    return this.device(PHONE, options);
  }

  /** A new staff desktop (its own cookies): a 1280 x 900 screen, mouse, in `language`, JS on or off. */
  async desk(options: PhoneOptions): Promise<Phone> {
    return this.device({ viewport: DESK_VIEWPORT, timezoneId: PHONE.timezoneId }, options);
  }

  private async device(device: BrowserContextOptions, options: PhoneOptions): Promise<Phone> {
    const context = await this.browser.newContext({
      ...device,
      baseURL: this.origin,
      javaScriptEnabled: options.javaScript,
      locale: LOCALES[options.language],
    });
    if (!options.javaScript) noteScriptless(context);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    const page = await context.newPage();
    if (options.throttled) await throttle(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    return { context, page, dialogs, close: () => context.close() };
  }

  /** The first mail to `address` (waiting up to `timeoutMs`); needs `{ mail: true }`. */
  async mailTo(address: string, timeoutMs = 30000): Promise<ReceivedMail> {
    if (!this.sink) throw new Error('This site was opened without { mail: true }');
    const [mail] = await this.sink.waitFor(1, timeoutMs, (m) => m.to.toLowerCase().includes(address.toLowerCase()));
    return mail;
  }

  /** The first link in a mail's text to a path of this site starting with `pathPrefix`, as path and query. */
  linkIn(mail: ReceivedMail, pathPrefix = '/'): string {
    const link = linksTo(this.origin, mail.text)
      .map((url) => url.slice(this.origin.length))
      .find((path) => path.startsWith(pathPrefix));
    if (!link) throw new Error(`No link to ${pathPrefix} in the mail "${mail.subject}":\n${mail.text}`);
    return link;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.worker?.close();
    await this.ctx.close();
    await this.sink?.stop();
  }
}

export const openSite = (options?: SiteOptions): Promise<Site> => Site.open(options);

/** A port of 127.0.0.1 free at the time of asking (the app needs its origin before it listens). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
