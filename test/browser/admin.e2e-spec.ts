import { MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { expectAccessible, message, openSite, Phone, screenshot, Site } from './harness';

const kk = (key: MessageKey, params?: Record<string, string | number>) => message('kk', key, params);

/**
 * An admin at a 1280 px desk, in Kazakh, with JavaScript off: opens a juror's account (invited by
 * mail to choose a password) and disables another account.
 */
describe('browser: an admin opens a juror account and disables another', () => {
  let site: Site;
  let cast: Cast;
  let desk: Phone;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    await site.ctx.dataSource.query("UPDATE users SET preferred_language = 'kk' WHERE id = $1", [cast.admin.user.id]);
    await site.ctx.dataSource.query("UPDATE users SET full_name = 'Бақылаушы Асқар' WHERE id = $1", [
      cast.observer.user.id,
    ]);
    desk = await site.desk({ language: 'kk', javaScript: false });
  });
  afterAll(async () => {
    await desk?.close();
    await site?.close();
  });

  it('opens an account, then disables one, in Kazakh, every page accessible', async () => {
    const { page } = desk;
    await page.goto('/admin/users');
    await page.getByLabel(kk('account.signIn.email')).fill(cast.admin.user.email);
    await page.getByLabel(kk('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: kk('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(kk('admin.users.title'));
    await expectAccessible(page, 'accounts');
    await screenshot(page, 'admin-users-kk', { fullPage: true });

    await page.getByRole('link', { name: kk('admin.users.new') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users/new');
    await expectAccessible(page, 'new account');
    await page.getByRole('button', { name: kk('admin.new.submit') }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain(kk('admin.error.roles'));
    await expectAccessible(page, 'new account with problems');

    await page.getByLabel(kk('admin.field.fullName')).fill('Сарапшы Әлия');
    await page.getByLabel(kk('admin.field.email'), { exact: true }).fill('aliya.sarapshy@example.kz');
    await page.getByLabel(kk('admin.role.juror'), { exact: true }).check();
    await page.getByRole('button', { name: kk('admin.new.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    expect(await page.getByRole('status').innerText()).toContain('aliya.sarapshy@example.kz');
    expect(await page.getByRole('row').filter({ hasText: 'Сарапшы Әлия' }).innerText()).toContain(
      kk('admin.role.juror'),
    );
    await expectAccessible(page, 'accounts after opening one');

    await page.getByLabel(kk('admin.users.filter.search')).fill('Асқар');
    await page.getByRole('button', { name: kk('admin.users.filter.submit') }).click();
    await page.waitForURL((url) => url.searchParams.get('search') === 'Асқар');
    await expectAccessible(page, 'accounts filtered');
    await page.getByRole('link', { name: new RegExp(kk('admin.users.edit')) }).click();
    await page.waitForURL((url) => url.pathname === `/admin/users/${cast.observer.user.id}`);
    await expectAccessible(page, 'account');
    await page.getByLabel(kk('admin.field.active')).selectOption('false');
    await page.getByRole('button', { name: kk('admin.edit.submit') }).click();
    await page.waitForURL((url) => url.searchParams.get('saved') === '1');
    expect(await page.getByRole('status').innerText()).toContain(kk('admin.done.saved'));
    await expectAccessible(page, 'account disabled');

    const rows = (await site.ctx.dataSource.query(
      'SELECT email, roles, active FROM users WHERE id = $1 OR email = $2',
      [cast.observer.user.id, 'aliya.sarapshy@example.kz'],
    )) as { email: string; roles: string[]; active: boolean }[];
    expect(rows.find((r) => r.email === 'aliya.sarapshy@example.kz')).toMatchObject({ roles: ['juror'], active: true });
    expect(rows.find((r) => r.email === cast.observer.user.email)).toMatchObject({ active: false });
    expect(desk.dialogs).toEqual([]);
  });
});
