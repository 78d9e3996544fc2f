import { MessageKey } from '../../src/web/i18n/catalogue';
import { MessageParams } from '../../src/web/i18n/translator';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { createScreenable, Screenable } from '../helpers/screening-setup';
import { expectAccessible, message, openSite, Phone, screenshot, Site } from './harness';

/**
 * A manager at a 1280 px screen: filter, select all that match, bulk-screen, open one, mark a file.
 * Once in Kazakh with JavaScript (htmx swaps the table in place) and once in Russian without (the
 * page reloads); the manager's preferred language and the browser's match the pass, and every text
 * checked is read from the message catalogue of that language.
 */
describe('browser: a manager screens applications (1280 px)', () => {
  let site: Site;
  let cast: Cast;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
  });
  afterAll(async () => {
    await site?.close();
  });

  const statuses = async (ids: string[]) =>
    (
      (await site.ctx.dataSource.query('SELECT id, status FROM applications WHERE id = ANY($1)', [ids])) as {
        id: string;
        status: string;
      }[]
    ).map((r) => r.status);

  describe.each([
    { language: 'kk', javaScript: true },
    { language: 'ru', javaScript: false },
  ] as const)('$language, JavaScript $javaScript', ({ language, javaScript }) => {
    const js = `${language}, ${javaScript ? 'js' : 'no-js'}`;
    const t = (key: MessageKey, params?: MessageParams) => message(language, key, params);
    let s: Screenable;
    let desk: Phone;

    beforeAll(async () => {
      s = await createScreenable(site.ctx, cast, 6);
      await site.ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [
        cast.manager.user.id,
        language,
      ]);
    });
    beforeEach(async () => {
      desk = await site.desk({ language, javaScript });
    });
    afterEach(async () => {
      await desk?.close();
    });

    it('filters, selects all that match, screens them, opens one and marks a file; each page passes axe', async () => {
      const { page } = desk;
      await page.goto('/manage');
      await page.getByLabel(t('account.signIn.email')).fill(cast.manager.user.email);
      await page.getByLabel(t('account.signIn.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('account.signIn.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/manage');
      expect(await page.locator('h1').textContent()).toBe(t('managerHome.title'));
      await expectAccessible(page, `manager home (${js})`);

      await page.locator(`a[href="/manage/competitions/${s.competitionId}"]`).first().click();
      await page.waitForURL((url) => url.pathname === `/manage/competitions/${s.competitionId}`);
      await expectAccessible(page, `competition overview (${js})`);

      await page.getByRole('link', { name: t('managerHome.section.applications') }).click();
      const table = `/manage/competitions/${s.competitionId}/applications`;
      await page.waitForURL((url) => url.pathname === table);
      expect(await page.locator('tbody tr').count()).toBe(6);
      await expectAccessible(page, `applications table (${js})`);
      await screenshot(page, `manager-applications-${language}-${javaScript ? 'js' : 'no-js'}`, { fullPage: true });

      // The second district has one village: applications 2 and 5 of the six.
      await page.locator('#district').selectOption(s.districtIds[1]);
      await page.getByRole('button', { name: t('managerApplications.filter.apply') }).click();
      await page.waitForURL((url) => url.searchParams.get('district') === s.districtIds[1]);
      // With JavaScript htmx swaps the table in place; without, the page reloads: either way the count says 2.
      await page.getByText(t('managerApplications.matching', { count: 2 })).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(2);
      const matching = [s.submitted[2].id, s.submitted[5].id];
      // With JavaScript htmx rebuilt the table in place: a DOM the server never sent, scanned as well.
      await expectAccessible(page, `applications filtered (${js})`, { always: javaScript });

      await page.locator('#all').check();
      await page.getByLabel(t('managerApplications.decision.eligible'), { exact: true }).check();
      await page.getByRole('button', { name: t('managerApplications.bulk.submit') }).click();
      await page.waitForURL((url) => url.pathname.startsWith(`${table}/screening/`));
      expect(await page.locator('h1').textContent()).toBe(t('managerApplications.result.title'));
      expect(await page.locator('.outcome-done').count()).toBe(2);
      expect(await statuses(matching)).toEqual(['eligible', 'eligible']);
      expect(await statuses([s.submitted[0].id])).toEqual(['submitted']);
      await expectAccessible(page, `screening outcome (${js})`);

      // Back to the table with the filter kept, then one application.
      await page.getByRole('link', { name: t('managerApplications.result.back') }).click();
      await page.waitForURL((url) => url.pathname === table && url.searchParams.get('district') === s.districtIds[1]);
      await page.goto(`/manage/applications/${s.submitted[0].id}`);
      expect(await page.locator('h1').textContent()).toBe(s.submitted[0].title);
      await expect(page.getByRole('link', { name: t('managerApplications.screen.return') }).count()).resolves.toBe(1);
      await expectAccessible(page, `one application (${js})`);
      await page.getByRole('button', { name: `${t('managerApplications.files.markNo')} price-quote.pdf` }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'identifying');
      expect(await page.locator('.notice.success').textContent()).toBe(t('managerApplications.notice.identifying'));
      const [file] = (await site.ctx.dataSource.query('SELECT identifying FROM attachments WHERE id = $1', [
        s.files.quote,
      ])) as { identifying: boolean }[];
      expect(file.identifying).toBe(false);
      await expectAccessible(page, `one application after marking (${js})`);
    }, 300000);
  });
});
