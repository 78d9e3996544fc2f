import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { createPlaces, createUser, PASSWORD } from '../helpers/factories';
import { expectAccessible, openSite, Phone, screenshot, Site, SiteLanguage } from './harness';

const text = (language: SiteLanguage, key: MessageKey, params: Record<string, string | number> = {}): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
};

describe('browser: register, confirm by mail, forgotten password and the profile on a 360 px phone', () => {
  let site: Site;
  let villageIds: string[];

  beforeAll(async () => {
    site = await openSite({ mail: true });
    const admin = await createUser(site.ctx, { roles: ['admin'] });
    villageIds = (await createPlaces(site.ctx, admin.user.id, 2)).villageIds;
  });
  afterAll(async () => {
    await site?.close();
  });

  describe.each([
    { language: 'kk', javaScript: true },
    { language: 'ru', javaScript: false },
  ] as const)('$language, JavaScript $javaScript', ({ language, javaScript }) => {
    const js = javaScript ? 'js' : 'no-js';
    let phone: Phone;
    beforeEach(async () => {
      phone = await site.phone({ language, javaScript });
    });
    afterEach(async () => {
      await phone?.close();
    });
    const t = (key: MessageKey, params?: Record<string, string | number>) => text(language, key, params);

    it('registers after fixing every listed problem, then confirms the address from the real mail', async () => {
      const { page } = phone;
      const email = `browser-${language}-${Date.now()}@example.kz`;
      await page.goto('/register');
      await page.getByLabel(t('account.field.email')).fill('not-an-address');
      await page.getByLabel(t('account.field.password')).fill('short');
      await page.getByRole('button', { name: t('account.register.submit') }).click();
      const links = page.locator('.error-summary a');
      await links.first().waitFor();
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '#fullName',
        '#email',
        '#password',
        '#homeVillageId',
      ]);
      expect(await page.getByLabel(t('account.field.email')).inputValue()).toBe('not-an-address');
      await expectAccessible(page, `register with problems (${language}, ${js})`);
      if (javaScript) await screenshot(page, `register-errors-${language}`);

      await page.getByLabel(t('account.field.fullName')).fill('Сәуле Ержанқызы');
      await page.getByLabel(t('account.field.email')).fill(email);
      await page.getByLabel(t('account.field.password')).fill('a-long-enough-password');
      await page.getByLabel(t('account.field.village')).selectOption(villageIds[1]);
      await page.getByRole('button', { name: t('account.register.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/register/check-mail');
      expect(await page.locator('h1').textContent()).toBe(t('account.checkMail.title'));
      await expectAccessible(page, `check your mail (${language}, ${js})`);

      const mail = await site.mailTo(email);
      expect(mail.language).toBe(language);
      await page.goto(site.linkIn(mail, '/confirm-email'));
      expect(await page.locator('h1').textContent()).toBe(t('account.confirm.title'));
      await expectAccessible(page, `confirm the address (${language}, ${js})`);
      await page.getByRole('button', { name: t('account.confirm.submit') }).click();
      const notice = page.locator('.notice');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(t('account.confirm.confirmed'));
      await expectAccessible(page, `address confirmed (${language}, ${js})`);
    });

    it('resets a forgotten password from the mailed link', async () => {
      const { page } = phone;
      const person = await createUser(site.ctx);
      await site.ctx.dataSource.query(`UPDATE users SET preferred_language = $2 WHERE id = $1`, [
        person.user.id,
        language,
      ]);
      await page.goto('/sign-in');
      await page.getByRole('link', { name: t('account.signIn.forgot') }).click();
      await page.waitForURL((url) => url.pathname === '/forgot-password');
      await expectAccessible(page, `forgot password (${language}, ${js})`);
      await page.getByLabel(t('account.field.email')).fill(person.user.email);
      await page.getByRole('button', { name: t('account.forgot.submit') }).click();
      await page.waitForURL((url) => url.search === '?sent=1');
      expect(await page.locator('.notice').textContent()).toBe(t('account.forgot.sent'));

      const mail = await site.mailTo(person.user.email);
      await page.goto(site.linkIn(mail, '/reset-password'));
      await expectAccessible(page, `reset password (${language}, ${js})`);
      await page.getByLabel(t('account.field.newPassword'), { exact: true }).fill('a-brand-new-password');
      await page.getByLabel(t('account.field.newPasswordAgain')).fill('a-brand-new-password');
      await page.getByRole('button', { name: t('account.reset.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(await page.locator('.notice').textContent()).toBe(t('account.signIn.passwordReset'));
    });

    it('edits the profile and lists the sessions', async () => {
      const { page } = phone;
      const person = await createUser(site.ctx, { homeVillageId: villageIds[0] });
      await site.ctx.dataSource.query(`UPDATE users SET preferred_language = $2 WHERE id = $1`, [
        person.user.id,
        language,
      ]);
      await page.goto('/account');
      await page.getByLabel(t('account.signIn.email')).fill(person.user.email);
      await page.getByLabel(t('account.signIn.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('account.signIn.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/account');
      expect(await page.locator('h1').textContent()).toBe(t('accountProfile.title'));
      await expectAccessible(page, `profile (${language}, ${js})`);
      if (javaScript) await screenshot(page, `profile-${language}`);
      await page.getByLabel(t('account.field.phone')).fill('bad');
      await page.getByRole('button', { name: t('common.save') }).click();
      const summary = page.locator('.error-summary a');
      await summary.first().waitFor();
      expect(await summary.getAttribute('href')).toBe('#phone');
      await expectAccessible(page, `profile with a problem (${language}, ${js})`);
      await page.getByLabel(t('account.field.phone')).fill('+7 701 555 44 33');
      await page.getByRole('button', { name: t('common.save') }).click();
      await page.waitForURL((url) => url.search === '?done=saved');
      expect(await page.locator('.notice').textContent()).toBe(t('accountProfile.saved'));
      expect(await page.getByRole('cell', { name: t('accountProfile.thisDevice') }).count()).toBe(1);
    });
  });
});
