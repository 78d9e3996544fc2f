import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { createAwardable } from '../helpers/award-setup';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { expectAccessible, openSite, Phone, screenshot, Site } from './harness';

const text = (key: MessageKey): string => {
  const message = CATALOGUE.ru[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * A finance officer on a 1280 px screen, in Russian, with JavaScript off: pays one approved tranche,
 * then opens the recent payments and the failed-transfer form (not sent).
 */
describe('browser: a finance officer pays a tranche', () => {
  let site: Site;
  let cast: Cast;
  let phone: Phone;
  let reference: string;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    await site.ctx.dataSource.query("UPDATE users SET preferred_language = 'ru' WHERE id = $1", [cast.finance.user.id]);
    const a = await createAwardable(site.ctx, cast, 1, { budget: '1000000000' });
    const http = () => site.ctx.http();
    const [award] = (
      await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as { id: string; applicationId: string }[];
    await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
    await http().post(`/api/awards/${award.id}/accept`).set(a.applications[0].applicant.auth).expect(200);
    const [row] = (await site.ctx.dataSource.query('SELECT reference FROM applications WHERE id = $1', [
      award.applicationId,
    ])) as { reference: string }[];
    reference = row.reference;
    phone = await site.phone({ language: 'ru', javaScript: false });
    await phone.page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await phone?.close();
    await site?.close();
  });

  it('finds the tranche on "To pay", records its payment, and sees it gone from the list', async () => {
    const { page } = phone;
    await page.goto('/finance');
    await page.getByLabel(text('account.signIn.email')).fill(cast.finance.user.email);
    await page.getByLabel(text('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/finance');

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(text('finance.toPay.title'));
    const row = page.getByRole('row').filter({ hasText: reference });
    await expectAccessible(page, 'to pay');
    await screenshot(page, 'finance-to-pay-ru', { fullPage: true });
    await row.getByRole('link', { name: new RegExp(text('finance.toPay.record')) }).click();
    await page.waitForURL((url) => /^\/finance\/tranches\/[^/]+\/pay$/.test(url.pathname));
    await expectAccessible(page, 'pay form');

    await page.getByRole('button', { name: text('finance.pay.submit') }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, 'pay form with a problem');
    expect(await page.locator('.error-summary').innerText()).toContain('Введите номер банковского перевода');

    await page.getByLabel(text('finance.pay.bankReference.label')).fill('PP-BROWSER-1');
    await page.getByRole('button', { name: text('finance.pay.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/finance');
    expect(await page.getByRole('status').innerText()).toContain(reference);
    expect(await page.getByRole('row').filter({ hasText: reference }).count()).toBe(0);
    await expectAccessible(page, 'to pay after paying');

    await page.getByRole('link', { name: text('finance.payments.link') }).click();
    await page.waitForURL((url) => url.pathname === '/finance/payments');
    await expectAccessible(page, 'recent payments');
    await page.getByRole('link', { name: new RegExp(text('finance.payments.fail')) }).click();
    await page.waitForURL((url) => /^\/finance\/payments\/[^/]+\/failure$/.test(url.pathname));
    await expectAccessible(page, 'failed transfer form');

    const payments = (await site.ctx.dataSource.query('SELECT bank_reference FROM payments')) as {
      bank_reference: string;
    }[];
    expect(payments).toEqual([{ bank_reference: 'PP-BROWSER-1' }]);
  });
});
