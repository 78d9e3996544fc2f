import { BrowserContext, Page } from 'playwright-core';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { createScreenable, Screenable } from '../helpers/screening-setup';
import { noteScriptless } from './accessibility';
import { ACTION_TIMEOUT_MS, expectAccessible, openSite, screenshot, Site } from './harness';

const ru = (key: MessageKey): string => {
  const message = CATALOGUE.ru[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/** A manager at a 1280 px screen, in Russian: filter, select all that match, bulk-screen, open one, mark a file. */
describe('browser: a manager screens applications (ru, 1280 px)', () => {
  let site: Site;
  let cast: Cast;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    await site.ctx.dataSource.query(`UPDATE users SET preferred_language = 'ru' WHERE id = $1`, [cast.manager.user.id]);
  });
  afterAll(async () => {
    await site?.close();
  });

  /** A desktop browser of its own (cookies apart), Russian, JavaScript on or off. */
  async function desk(javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const context = await site.browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: site.origin,
      javaScriptEnabled: javaScript,
      locale: 'ru-RU',
      timezoneId: 'Asia/Almaty',
    });
    if (!javaScript) noteScriptless(context);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    return { context, page: await context.newPage() };
  }

  const statuses = async (ids: string[]) =>
    (
      (await site.ctx.dataSource.query('SELECT id, status FROM applications WHERE id = ANY($1)', [ids])) as {
        id: string;
        status: string;
      }[]
    ).map((r) => r.status);

  describe.each([{ javaScript: true }, { javaScript: false }])('JavaScript $javaScript', ({ javaScript }) => {
    const js = javaScript ? 'js' : 'no-js';
    let s: Screenable;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      s = await createScreenable(site.ctx, cast, 6);
    });
    beforeEach(async () => {
      ({ context, page } = await desk(javaScript));
    });
    afterEach(async () => {
      await context?.close();
    });

    it('filters, selects all that match, screens them, opens one and marks a file; each page passes axe', async () => {
      await page.goto('/manage');
      await page.getByLabel(ru('account.signIn.email')).fill(cast.manager.user.email);
      await page.getByLabel(ru('account.signIn.password')).fill(PASSWORD);
      await page.getByRole('button', { name: ru('account.signIn.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/manage');
      expect(await page.locator('h1').textContent()).toBe(ru('managerHome.title'));
      await expectAccessible(page, `manager home (ru, ${js})`);

      await page.locator(`a[href="/manage/competitions/${s.competitionId}"]`).first().click();
      await page.waitForURL((url) => url.pathname === `/manage/competitions/${s.competitionId}`);
      await expectAccessible(page, `competition overview (ru, ${js})`);

      await page.getByRole('link', { name: ru('managerHome.section.applications') }).click();
      const table = `/manage/competitions/${s.competitionId}/applications`;
      await page.waitForURL((url) => url.pathname === table);
      expect(await page.locator('tbody tr').count()).toBe(6);
      await expectAccessible(page, `applications table (ru, ${js})`);
      await screenshot(page, `manager-applications-ru-${js}`, { fullPage: true });

      // The second district has one village: applications 2 and 5 of the six.
      await page.locator('#district').selectOption(s.districtIds[1]);
      await page.getByRole('button', { name: ru('managerApplications.filter.apply') }).click();
      await page.waitForURL((url) => url.searchParams.get('district') === s.districtIds[1]);
      // With JavaScript htmx swaps the table in place; without, the page reloads: either way the count says 2.
      const two = (CATALOGUE.ru['managerApplications.matching'] as { few: string }).few.replace('{count}', '2');
      await page.getByText(two).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(2);
      const matching = [s.submitted[2].id, s.submitted[5].id];
      await expectAccessible(page, `applications filtered (ru, ${js})`);

      await page.locator('#all').check();
      await page.getByLabel(ru('managerApplications.decision.eligible'), { exact: true }).check();
      await page.getByRole('button', { name: ru('managerApplications.bulk.submit') }).click();
      await page.waitForURL((url) => url.pathname.startsWith(`${table}/screening/`));
      expect(await page.locator('h1').textContent()).toBe(ru('managerApplications.result.title'));
      expect(await page.locator('.outcome-done').count()).toBe(2);
      expect(await statuses(matching)).toEqual(['eligible', 'eligible']);
      expect(await statuses([s.submitted[0].id])).toEqual(['submitted']);
      await expectAccessible(page, `screening outcome (ru, ${js})`);

      // Back to the table with the filter kept, then one application.
      await page.getByRole('link', { name: ru('managerApplications.result.back') }).click();
      await page.waitForURL((url) => url.pathname === table && url.searchParams.get('district') === s.districtIds[1]);
      await page.goto(`/manage/applications/${s.submitted[0].id}`);
      expect(await page.locator('h1').textContent()).toBe(s.submitted[0].title);
      await expect(page.getByRole('link', { name: ru('managerApplications.screen.return') }).count()).resolves.toBe(1);
      await expectAccessible(page, `one application (ru, ${js})`);
      await page.getByRole('button', { name: `${ru('managerApplications.files.markNo')} price-quote.pdf` }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'identifying');
      expect(await page.locator('.notice.success').textContent()).toBe(ru('managerApplications.notice.identifying'));
      const [file] = (await site.ctx.dataSource.query('SELECT identifying FROM attachments WHERE id = $1', [
        s.files.quote,
      ])) as { identifying: boolean }[];
      expect(file.identifying).toBe(false);
      await expectAccessible(page, `one application after marking (ru, ${js})`);
    }, 300000);
  });
});
