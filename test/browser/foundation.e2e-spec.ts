import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { Page } from 'playwright-core';
import { AuthService } from '../../src/modules/auth/auth.service';
import { createAdoptedPlan, createCompetition, createPlaces, createUser, PASSWORD } from '../helpers/factories';
import { expectAccessible, openSite, Phone, screenshot, Site, SiteLanguage } from './harness';

/** Script and markup a staff member could paste into a title: it must reach the page as text. */
const HOSTILE_TITLE = `<script>window.__injected = 1</script>"><img src=x onerror="alert('xss')">`;
const LANGUAGE_BUTTON = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

const text = (language: SiteLanguage, key: MessageKey): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * Waits until the error summary has focus. Polled from here, not in the page: with JavaScript off
 * the page runs no callback, yet its DOM can still be read.
 */
async function summaryFocused(page: Page): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!(await page.evaluate(() => document.activeElement?.classList.contains('error-summary') === true))) {
    if (Date.now() > deadline) throw new Error('The error summary did not take focus');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('browser: home, language switch, sign-in and sign-out on a 360 px phone', () => {
  let site: Site;
  let managerId: string;
  let villageIds: string[];

  beforeAll(async () => {
    site = await openSite({ mail: true });
    const admin = await createUser(site.ctx, { roles: ['admin'] });
    managerId = (await createUser(site.ctx, { roles: ['manager'] })).user.id;
    villageIds = (await createPlaces(site.ctx, admin.user.id, 1)).villageIds;
    await createAdoptedPlan(site.ctx, admin.user.id, villageIds[0]);
    await createCompetition(site.ctx, managerId, villageIds, {
      open: true,
      title: { kk: 'Ауыл кәсіпкерлігі 2026', ru: 'Сельское предпринимательство 2026' },
    });
  });
  afterAll(async () => {
    await site?.close();
  });

  describe.each([
    { language: 'kk', other: 'ru', javaScript: true },
    { language: 'kk', other: 'ru', javaScript: false },
    { language: 'ru', other: 'kk', javaScript: true },
    { language: 'ru', other: 'kk', javaScript: false },
  ] as const)('$language, JavaScript $javaScript', ({ language, other, javaScript }) => {
    const js = javaScript ? 'js' : 'no-js';
    let phone: Phone;
    beforeEach(async () => {
      phone = await site.phone({ language, javaScript });
    });
    afterEach(async () => {
      await phone?.close();
    });

    it('shows the home page in the browser language, with one h1, and passes axe', async () => {
      const { page } = phone;
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.locator('h1').allTextContents()).toEqual([text(language, 'public.home.title')]);
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.title()).toContain(text(language, 'common.serviceName'));
      await expectAccessible(page, `home (${language}, ${js})`);
      if (javaScript) await screenshot(page, `home-${language}`);
    });

    it('switches the language with a click on the switch, and keeps it on the next page', async () => {
      const { page } = phone;
      await page.goto('/');
      await page.getByRole('button', { name: LANGUAGE_BUTTON[other] }).click();
      await page.locator(`html[lang="${other}"]`).waitFor({ state: 'attached' });
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.locator('h1').textContent()).toBe(text(other, 'public.home.title'));
      expect(await page.getByRole('button', { name: LANGUAGE_BUTTON[other] }).getAttribute('aria-current')).toBe(
        'true',
      );
      await page.goto('/sign-in');
      expect(await page.getAttribute('html', 'lang')).toBe(other);
      await page.getByRole('button', { name: LANGUAGE_BUTTON[language] }).click();
      await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    });

    it('shows the error summary for a wrong password, keeps the email, and focuses the summary', async () => {
      const { page } = phone;
      const person = await createUser(site.ctx);
      await page.goto('/');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: text(language, 'common.nav.signIn') })
        .click();
      await page.getByLabel(text(language, 'account.signIn.email')).fill(person.user.email);
      await page.getByLabel(text(language, 'account.signIn.password')).fill(`${PASSWORD}-wrong`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in'),
        page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click(),
      ]);
      expect(response.status()).toBe(401);
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(text(language, 'account.signIn.invalid'));
      expect(await page.getByLabel(text(language, 'account.signIn.email')).inputValue()).toBe(person.user.email);
      expect(await page.getByLabel(text(language, 'account.signIn.password')).inputValue()).toBe('');
      // The summary takes focus (autofocus, so with JavaScript off too): a screen reader reads it first.
      await summaryFocused(page);
      await expectAccessible(page, `sign-in with a wrong password (${language}, ${js})`);
      if (javaScript) await screenshot(page, `sign-in-error-${language}`);
    });

    it('lists empty fields in the summary, each linked to its field', async () => {
      const { page } = phone;
      await page.goto('/sign-in');
      await page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click();
      const links = page.locator('.error-summary a');
      await links.first().waitFor();
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#email', '#password']);
      expect(await links.allTextContents()).toEqual([
        text(language, 'account.signIn.error.email'),
        text(language, 'account.signIn.error.password'),
      ]);
      await summaryFocused(page);
      await expectAccessible(page, `sign-in with empty fields (${language}, ${js})`);
    });

    it('signs in and goes back to the page the person came from, then signs out', async () => {
      const { page } = phone;
      const person = await createUser(site.ctx);
      await page.goto('/?from=browser-test');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: text(language, 'common.nav.signIn') })
        .click();
      await page.getByLabel(text(language, 'account.signIn.email')).fill(person.user.email);
      await page.getByLabel(text(language, 'account.signIn.password')).fill(PASSWORD);
      await page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/' && url.search === '?from=browser-test');
      // A person created by the factory prefers Kazakh: once signed in, the profile's language wins.
      const signOut = page.getByRole('button', { name: text('kk', 'common.nav.signOut') });
      await signOut.waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('kk');
      await expectAccessible(page, `home signed in (${js})`);

      await signOut.click();
      await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('signed-out') === '1');
      expect(await page.locator('.notice').textContent()).toBe(text(language, 'account.signedOut'));
      expect(await page.getByRole('button', { name: text(language, 'common.nav.signOut') }).count()).toBe(0);
      const cookies = await phone.context.cookies();
      expect(cookies.find((c) => c.name === 'session')).toBeUndefined();
    });
  });

  describe.each([
    { language: 'kk', javaScript: true },
    { language: 'ru', javaScript: false },
  ] as const)('a hostile title ($language, JavaScript $javaScript)', ({ language, javaScript }) => {
    let phone: Phone;
    beforeAll(async () => {
      if (
        !(await site.ctx.dataSource.query(`SELECT 1 FROM competitions WHERE title->>'kk' = $1`, [HOSTILE_TITLE])).length
      )
        await createCompetition(site.ctx, managerId, villageIds, { open: true, title: { kk: HOSTILE_TITLE } });
    });
    beforeEach(async () => {
      phone = await site.phone({ language, javaScript });
    });
    afterEach(async () => {
      await phone?.close();
    });

    it('renders a title with <script> and an onerror attribute as inert text', async () => {
      const { page } = phone;
      await page.goto('/');
      const card = page.locator('.card', { hasText: 'window.__injected' });
      await card.waitFor();
      expect(await card.locator('h3').textContent()).toBe(HOSTILE_TITLE);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('main script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      expect(phone.dialogs).toEqual([]);
    });
  });

  it('delivers a real mail through the worker whose confirmation link opens the confirmation page', async () => {
    const email = `browser-${Date.now()}@example.kz`;
    await site.ctx.app.get(AuthService).register(
      {
        email,
        password: PASSWORD,
        fullName: 'Сәуле',
        phone: '+77010000001',
        preferredLanguage: 'kk',
        homeVillageId: villageIds[0],
      },
      '127.0.0.1',
    );
    const mail = await site.mailTo(email);
    expect(mail.language).toBe('kk');
    const link = site.linkIn(mail, '/confirm-email?token=');
    const phone = await site.phone({ language: 'kk', javaScript: false });
    try {
      // Confirming is the account pages' own browser test; here: the link from a real mail is whole
      // (token and all) and opens the confirmation page of this site in the person's language.
      const response = await phone.page.goto(link);
      expect(response?.status()).toBe(200);
      expect(new URL(phone.page.url()).origin).toBe(site.origin);
      expect(new URL(phone.page.url()).searchParams.get('token')).toMatch(/^[\w.-]{20,}$/);
      expect(await phone.page.getAttribute('html', 'lang')).toBe('kk');
      expect(await phone.page.locator('h1').textContent()).toBe(text('kk', 'account.confirm.title'));
    } finally {
      await phone.close();
    }
  });
});
