import { Page } from 'playwright-core';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import {
  createAdoptedPlan,
  createCompetition,
  createPlaces,
  createUser,
  PASSWORD,
  TestUser,
} from '../helpers/factories';
import { samplePdf } from '../helpers/sample-files';
import { expectAccessible, openSite, Phone, screenshot, Site } from './harness';

/** A Russian text of the catalogue without placeholders. */
const text = (key: MessageKey): string => {
  const message = CATALOGUE.ru[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};
const TASK_LIST = /^\/applications\/[0-9a-f-]{36}$/;

/**
 * A manager in Russian on a 1280 px screen, JavaScript off, at the akimat office: a villager with
 * no account walks in. The manager registers them, finds them, starts their application and goes
 * through the applicant's own steps under the banner, checks and submits, and lands on the
 * application's managers' page. Axe on every page visited.
 */
describe('browser: a manager enters an application for a walk-in applicant', () => {
  let site: Site;
  let manager: TestUser;
  let villageId: string;
  let competitionId: string;
  let phone: Phone;

  beforeAll(async () => {
    site = await openSite();
    const admin = await createUser(site.ctx, { roles: ['admin'] });
    manager = await createUser(site.ctx, { roles: ['manager'], preferredLanguage: 'ru' });
    villageId = (await createPlaces(site.ctx, admin.user.id, 1)).villageIds[0];
    await createAdoptedPlan(site.ctx, admin.user.id, villageId);
    competitionId = (await createCompetition(site.ctx, manager.user.id, [villageId], { open: true })).id;
    phone = await site.desk({ language: 'ru', javaScript: false });
  });
  afterAll(async () => {
    await phone?.close();
    await site?.close();
  });

  const checked = async (page: Page, label: string) => {
    await expectAccessible(page, `${label} (ru, no-js)`);
    expect(await page.locator('h1').count()).toBe(1);
  };
  const save = (page: Page) =>
    Promise.all([
      page.waitForURL((url) => TASK_LIST.test(url.pathname)),
      page.getByRole('button', { name: text('applySteps.save') }).click(),
    ]);

  it('registers the villager, starts the application for them and goes through every step to submitting it', async () => {
    const { page } = phone;
    const table = `/manage/competitions/${competitionId}/applications`;
    await page.goto(table);
    await page.getByLabel(text('account.signIn.email')).fill(manager.user.email);
    await page.getByLabel(text('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === table);
    await checked(page, 'applications table');

    await page.getByRole('link', { name: text('managerIntake.link') }).click();
    await checked(page, 'intake');
    await page.getByLabel(text('managerIntake.contact.label')).fill('8 705 123 45 67');
    await page.getByRole('button', { name: text('managerIntake.find') }).click();
    await page.getByRole('heading', { name: text('managerIntake.none.title') }).waitFor();
    await checked(page, 'intake, nobody found');

    await page.getByRole('link', { name: text('managerIntake.register.link') }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/register'));
    expect(await page.getByLabel(text('account.field.phone')).inputValue()).toBe('+77051234567');
    await page.getByRole('button', { name: text('managerIntake.register.submit') }).click();
    await page.locator('.error-summary a[href="#fullName"]').waitFor();
    await checked(page, 'register, with problems');
    await page.getByLabel(text('account.field.fullName')).fill('Айжан Сапарова');
    await page.getByLabel(text('account.field.email'), { exact: true }).fill('aizhan.saparova@example.kz');
    await page.getByLabel(text('account.field.language')).selectOption('kk');
    await page.getByLabel(text('account.field.village')).selectOption(villageId);
    await page.getByRole('button', { name: text('managerIntake.register.submit') }).click();
    await page.locator('.notice.success').waitFor();
    await checked(page, 'intake, registered and found');

    await page.getByRole('button', { name: text('managerIntake.start') }).click();
    await page.waitForURL((url) => TASK_LIST.test(url.pathname));
    const taskList = new URL(page.url()).pathname;
    const id = taskList.split('/').pop() as string;
    expect(await page.locator('.intake-banner').textContent()).toContain('Айжан Сапарова');
    await checked(page, 'task list');
    await screenshot(page, 'manager-intake-task-list');

    await page.getByRole('link', { name: text('apply.task.project') }).click();
    expect(await page.locator('.intake-banner').count()).toBe(1);
    await page.getByLabel(text('applySteps.project.titleLabel')).fill('Войлочная мастерская');
    await page.getByLabel(text('applySteps.project.summary')).fill('Ковры из войлока для туристов');
    await page.getByLabel(text('applySteps.project.jobs')).fill('2');
    await checked(page, 'project');
    await save(page);

    await page.getByRole('link', { name: text('apply.task.goals') }).click();
    await page.locator('#goal-0').check();
    await page.locator('#how-0').fill('Работа для женщин села');
    await checked(page, 'goals');
    await save(page);

    await page.getByRole('link', { name: text('apply.task.budget') }).click();
    await page.locator('#category-0').selectOption('equipment');
    await page.locator('#amount-0').fill('1 000 000');
    await page.locator('#category-1').selectOption('materials');
    await page.locator('#amount-1').fill('300 000');
    await page.locator('#source-1').selectOption('own');
    await checked(page, 'budget');
    await save(page);

    await page.getByRole('link', { name: text('apply.task.files') }).click();
    await page.setInputFiles('#file', { name: 'plan.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await page.getByRole('button', { name: text('applySteps.files.upload') }).click();
    await page.locator('.notice.success').waitFor();
    await checked(page, 'documents');

    await page.goto(`${taskList}/check`);
    expect(await page.locator('.intake-banner').textContent()).toContain('Айжан Сапарова');
    await checked(page, 'check your answers');
    await page.getByRole('button', { name: text('apply.check.submit') }).click();
    await page.waitForURL((url) => url.pathname === `/manage/applications/${id}`);
    await checked(page, "the application's managers' page");
    const [row] = (await site.ctx.dataSource.query('SELECT status, assisted FROM applications WHERE id = $1', [
      id,
    ])) as { status: string; assisted: boolean }[];
    expect(row).toEqual({ status: 'submitted', assisted: true });
    expect(phone.dialogs).toEqual([]);
  });
});
