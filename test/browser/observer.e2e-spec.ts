import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { createOverseeable, Overseeable } from '../helpers/oversight-setup';
import { expectAccessible, openSite, Phone, screenshot, Site } from './harness';

const text = (key: MessageKey): string => {
  const message = CATALOGUE.ru[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * An observer on a 1280 px desk, in Russian, with JavaScript off: opens the audit log, verifies the
 * chain, and reads a finalized round's anonymised scoresheets.
 */
describe('browser: an observer reads the audit log and a round’s scoresheets', () => {
  let site: Site;
  let cast: Cast;
  let a: Overseeable;
  let desk: Phone;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    await site.ctx.dataSource.query("UPDATE users SET preferred_language = 'ru' WHERE id = $1", [
      cast.observer.user.id,
    ]);
    a = await createOverseeable(site.ctx, cast);
    desk = await site.desk({ language: 'ru', javaScript: false });
  });
  afterAll(async () => {
    await desk?.close();
    await site?.close();
  });

  it('opens the audit log, verifies the chain and reads the scoresheets', async () => {
    const { page } = desk;
    await page.goto('/oversight');
    await page.getByLabel(text('account.signIn.email')).fill(cast.observer.user.email);
    await page.getByLabel(text('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/oversight');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(text('observer.home.title'));
    await expectAccessible(page, 'oversight home');

    await page
      .getByRole('main')
      .getByRole('link', { name: text('observer.audit.title') })
      .click();
    await page.waitForURL((url) => url.pathname === '/oversight/audit');
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'observer-audit-ru', { fullPage: false });

    await page.getByRole('link', { name: text('observer.verify.title') }).click();
    await page.waitForURL((url) => url.pathname === '/oversight/audit/verify');
    expect(await page.getByRole('status').innerText()).toContain('Цепочка цела');
    await expectAccessible(page, 'chain verified');

    await page.goto('/oversight');
    await page.getByRole('link', { name: 'Final round' }).click();
    await page.waitForURL((url) => url.pathname === `/oversight/rounds/${a.roundId}`);
    const sheets = page.getByRole('region', { name: text('observer.round.sheets') });
    expect(await sheets.getByRole('row').count()).toBe(3);
    expect(await sheets.innerText()).toMatch(/J-[0-9a-f]+/);
    await expectAccessible(page, 'round scoresheets');
  });
});
