import { MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, createPlaces, PASSWORD } from '../helpers/factories';
import { expectAccessible, message, openSite, Phone, screenshot, Site } from './harness';

const kk = (key: MessageKey, params?: Record<string, string | number>) => message('kk', key, params);

/**
 * An admin at a 1280 px desk, in Kazakh, with JavaScript off: starts a village's plan, adds a
 * second goal row, saves the draft and adopts it.
 */
describe('browser: an admin drafts and adopts a village development plan', () => {
  let site: Site;
  let cast: Cast;
  let desk: Phone;
  let villageId: string;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    await site.ctx.dataSource.query("UPDATE users SET preferred_language = 'kk' WHERE id = $1", [cast.admin.user.id]);
    [villageId] = (await createPlaces(site.ctx, cast.admin.user.id, 1)).villageIds;
    desk = await site.desk({ language: 'kk', javaScript: false });
  });
  afterAll(async () => {
    await desk?.close();
    await site?.close();
  });

  it('creates a plan with two goals and adopts it, in Kazakh, every page accessible', async () => {
    const { page } = desk;
    await page.goto('/admin/plans');
    await page.getByLabel(kk('account.signIn.email')).fill(cast.admin.user.email);
    await page.getByLabel(kk('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: kk('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/plans');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(kk('adminPlans.title'));
    await expectAccessible(page, 'plans');

    await page.getByRole('link', { name: kk('adminPlans.new') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/plans/new');
    await expectAccessible(page, 'choose a village');
    await page.getByLabel(kk('adminPlans.col.village')).selectOption(villageId);
    await page.getByRole('button', { name: kk('adminPlans.chooseVillage') }).click();
    await page.waitForURL((url) => url.searchParams.get('village') === villageId);
    await expectAccessible(page, 'new plan');

    await page
      .getByRole('button', { name: kk('adminPlans.save'), exact: true })
      .last()
      .click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain(kk('adminPlans.error.title'));
    await expectAccessible(page, 'new plan with problems');

    await page.getByLabel(kk('adminPlans.field.title')).fill('Ауылды дамыту жоспары 2026–2030');
    await page.getByLabel(kk('adminPlans.field.from')).fill('2026');
    await page.getByLabel(kk('adminPlans.field.to')).fill('2030');
    await page.locator('#code-0').fill('G1');
    await page.locator('#title-0-kk').fill('Сумен жабдықтау');
    await page.locator('#priority-0').fill('1');
    await page.getByRole('button', { name: kk('adminPlans.addGoal') }).click();
    await page.locator('#code-1').waitFor();
    await page.locator('#code-1').fill('G2');
    await page.locator('#title-1-kk').fill('Жастарды жұмыспен қамту');
    await page.locator('#priority-1').fill('2');
    await page
      .getByRole('button', { name: kk('adminPlans.save'), exact: true })
      .last()
      .click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'saved');
    expect(await page.getByRole('status').innerText()).toContain(kk('adminPlans.done.saved'));
    await expectAccessible(page, 'draft plan');

    await page.getByLabel(kk('adminPlans.adopt.confirm')).check();
    await page.getByRole('button', { name: kk('adminPlans.adopt.submit'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'adopted');
    expect(await page.getByRole('status').innerText()).toContain(kk('adminPlans.done.adopted'));
    expect(await page.locator('.plan-goals').innerText()).toContain('Жастарды жұмыспен қамту');
    await expectAccessible(page, 'adopted plan');
    await screenshot(page, 'admin-plan-adopted-kk', { fullPage: true });

    const plans = (await site.ctx.dataSource.query(
      'SELECT status, (SELECT count(*)::int FROM plan_goals g WHERE g.plan_id = p.id) AS goals FROM development_plans p WHERE village_id = $1',
      [villageId],
    )) as { status: string; goals: number }[];
    expect(plans).toEqual([{ status: 'adopted', goals: 2 }]);
    expect(desk.dialogs).toEqual([]);
  });
});
