import { MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, createPlaces, PASSWORD } from '../helpers/factories';
import { expectAccessible, message, openSite, Phone, screenshot, Site } from './harness';

const ru = (key: MessageKey, params?: Record<string, string | number>) => message('ru', key, params);

/** An admin at a desk, in Russian, with JavaScript off: opens a district and adds a village to it. */
describe('browser: an admin adds a village', () => {
  let site: Site;
  let cast: Cast;
  let desk: Phone;
  let districtId: string;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    await site.ctx.dataSource.query("UPDATE users SET preferred_language = 'ru' WHERE id = $1", [cast.admin.user.id]);
    ({ districtId } = await createPlaces(site.ctx, cast.admin.user.id, 1));
    await site.ctx.dataSource.query(`UPDATE districts SET name = '{"ru": "Тупкараганский район"}' WHERE id = $1`, [
      districtId,
    ]);
    desk = await site.desk({ language: 'ru', javaScript: false });
  });
  afterAll(async () => {
    await desk?.close();
    await site?.close();
  });

  it('adds a village after a refused try, in Russian, every page accessible', async () => {
    const { page } = desk;
    await page.goto('/admin/users');
    await page.getByLabel(ru('account.signIn.email')).fill(cast.admin.user.email);
    await page.getByLabel(ru('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: ru('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await page.getByRole('link', { name: ru('adminPlaces.link') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/places');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(ru('adminPlaces.title'));
    await expectAccessible(page, 'places');

    await page.getByRole('link', { name: 'Тупкараганский район' }).click();
    await page.waitForURL((url) => url.pathname === `/admin/places/districts/${districtId}`);
    await expectAccessible(page, 'district');
    const form = page.getByRole('group', { name: ru('adminPlaces.village.add') });
    await form.getByLabel(ru('adminPlaces.field.kato')).fill('12');
    await page.getByRole('button', { name: ru('adminPlaces.village.submit') }).click();
    await page.locator('.error-summary').waitFor();
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain(ru('adminPlaces.error.name'));
    expect(summary).toContain(ru('adminPlaces.error.kato'));
    await expectAccessible(page, 'district with problems');

    await form.getByLabel(ru('adminPlaces.field.ru')).fill('Акшукур');
    await form.getByLabel(ru('adminPlaces.field.kk')).fill('Ақшұқыр');
    await form.getByLabel(ru('adminPlaces.field.kato')).fill('474630100');
    await page.getByRole('button', { name: ru('adminPlaces.village.submit') }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'saved');
    expect(await page.getByRole('status').innerText()).toContain(ru('adminPlaces.done.saved'));
    expect(await page.getByRole('row').filter({ hasText: 'Акшукур' }).innerText()).toContain('474630100');
    await expectAccessible(page, 'district with the new village');
    await screenshot(page, 'admin-places-district-ru', { fullPage: true });

    await page.getByRole('link', { name: new RegExp(`${ru('adminPlaces.village.edit')} Акшукур`) }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin/places/villages/'));
    await expectAccessible(page, 'village');

    const rows = (await site.ctx.dataSource.query('SELECT name, kato_code FROM villages WHERE district_id = $1', [
      districtId,
    ])) as { name: Record<string, string>; kato_code: string | null }[];
    expect(rows).toContainEqual({ name: { kk: 'Ақшұқыр', ru: 'Акшукур' }, kato_code: '474630100' });
    expect(desk.dialogs).toEqual([]);
  });
});
