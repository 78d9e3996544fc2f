import { Page } from 'playwright-core';
import { Language } from '../../src/modules/users/domain/language';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { almatyDate } from '../../src/web/manager/rounds/deadline';
import { CompetitionsService } from '../../src/modules/competitions/competitions.service';
import {
  Cast,
  competitionCode,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  PASSWORD,
  Places,
} from '../helpers/factories';
import { expectAccessible, openSite, Phone, screenshot, Site } from './harness';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => almatyDate(new Date(Date.now() + days * DAY));
const text = (language: Language, key: MessageKey, params: Record<string, string | number> = {}): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
};

/**
 * Managers on a 1280 px screen set up competitions through the pages alone: in Kazakh with
 * JavaScript a new one, created and opened; in Russian without JavaScript a draft's setup edited
 * (an envelope row added by the form itself, a bad amount refused, then saved). Axe on every page.
 */
describe('browser: a manager sets up a competition', () => {
  let site: Site;
  let cast: Cast;
  let places: Places;
  let phone: Phone;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    places = await createPlaces(site.ctx, cast.admin.user.id, 2);
    await createAdoptedPlan(site.ctx, cast.admin.user.id, places.villageIds[0]);
    const query = `UPDATE users SET preferred_language = $2 WHERE id = $1`;
    await site.ctx.dataSource.query(query, [cast.manager.user.id, 'kk']);
    await site.ctx.dataSource.query(query, [cast.manager2.user.id, 'ru']);
  }, 120000);
  afterEach(async () => {
    await phone?.close();
  });
  afterAll(async () => {
    await site?.close();
  }, 60000);

  const signIn = async (page: Page, language: Language, email: string, path: string) => {
    await page.goto(path);
    await page.getByLabel(text(language, 'account.signIn.email')).fill(email);
    await page.getByLabel(text(language, 'account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === path);
  };
  const checked = async (page: Page, label: string) => {
    await expectAccessible(page, label);
    expect(await page.locator('h1').count()).toBe(1);
  };

  it('in Kazakh with JavaScript: creates a competition eligible by district, and opens it', async () => {
    phone = await site.desk({ language: 'kk', javaScript: true });
    const { page } = phone;
    await signIn(page, 'kk', cast.manager.user.email, '/manage');
    await checked(page, 'managers home (kk)');
    await page.getByRole('link', { name: text('kk', 'managerCompetitions.new') }).click();
    await page.waitForURL((url) => url.pathname === '/manage/competitions/new');
    await checked(page, 'new competition (kk)');

    await page.getByLabel(text('kk', 'managerCompetitions.field.code')).fill('KZJS');
    // The tranche labels read the same as the title's ("Атауы (қазақша)"): the title by its id.
    await page.locator('#title-kk').fill('Ауыл кәсібі 2027');
    await page.getByLabel(text('kk', 'managerCompetitions.field.budget')).fill('20 000 000');
    await page.getByLabel(text('kk', 'managerCompetitions.field.minAward')).fill('500 000');
    await page.getByLabel(text('kk', 'managerCompetitions.field.maxAward')).fill('2 000 000');
    await page.locator('#opensAt').fill(inDays(-1));
    await page.locator('#closesAt').fill(inDays(30));
    await page.locator(`#district-${places.districtId}`).check();
    await screenshot(page, 'manager-competition-setup', { fullPage: false });
    await page.getByRole('button', { name: text('kk', 'managerCompetitions.create') }).click();
    await page.waitForURL((url) => /^\/manage\/competitions\/[0-9a-f-]{36}$/.test(url.pathname));
    await checked(page, 'competition overview (kk)');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const created = await site.ctx.app.get(CompetitionsService).get(id);
    expect(created).toMatchObject({ code: 'KZJS', status: 'draft', budget: 2_000_000_000n, maxAward: 200_000_000n });

    await page.getByRole('link', { name: text('kk', 'managerCompetitions.open.title') }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/open'));
    await checked(page, 'open competition (kk)');
    await page.getByLabel(text('kk', 'managerCompetitions.open.confirm')).check();
    await page.getByRole('button', { name: text('kk', 'managerCompetitions.open.title') }).click();
    await page.waitForURL((url) => url.pathname === `/manage/competitions/${id}`);
    expect(await page.textContent('main')).toContain(text('kk', 'managerHome.competitionStatus.open'));
    expect((await site.ctx.app.get(CompetitionsService).get(id)).status).toBe('open');

    await page.getByRole('link', { name: text('kk', 'managerCompetitions.setup.view') }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/edit'));
    await checked(page, 'frozen setup (kk)');
    expect(await page.locator('#budget').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: text('kk', 'managerCompetitions.save') }).count()).toBe(0);
  });

  it('in Russian without JavaScript: edits a draft, adding an envelope row, refused once, then saved', async () => {
    const draft = await createCompetition(site.ctx, cast.manager2.user.id, places.villageIds, {
      code: competitionCode(),
    });
    phone = await site.desk({ language: 'ru', javaScript: false });
    const { page } = phone;
    const path = `/manage/competitions/${draft.id}/edit`;
    await signIn(page, 'ru', cast.manager2.user.email, path);
    await checked(page, 'competition setup (ru, no JS)');

    await page.getByRole('button', { name: text('ru', 'managerCompetitions.envelope.add') }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page
      .getByLabel(text('ru', 'managerCompetitions.envelope.place'))
      .selectOption(`village:${places.villageIds[1]}`);
    await page.getByLabel(text('ru', 'managerCompetitions.envelope.amount')).fill('1 000 000');
    await page.getByLabel(text('ru', 'managerCompetitions.field.budget')).fill('десять миллионов');
    await page.getByRole('button', { name: text('ru', 'managerCompetitions.save') }).click();
    await page.waitForURL((url) => url.pathname === path);
    await checked(page, 'competition setup refused (ru, no JS)');
    const summary = page.locator('.error-summary');
    expect(await summary.textContent()).toContain(text('ru', 'managerCompetitions.error.budget'));
    expect(await page.getByLabel(text('ru', 'managerCompetitions.envelope.amount')).inputValue()).toBe('1 000 000');

    await page.getByLabel(text('ru', 'managerCompetitions.field.budget')).fill('12 000 000');
    await page.getByRole('button', { name: text('ru', 'managerCompetitions.save') }).click();
    await page.waitForURL((url) => url.pathname === `/manage/competitions/${draft.id}`);
    await checked(page, 'competition overview (ru, no JS)');
    const saved = await site.ctx.app.get(CompetitionsService).get(draft.id);
    expect(saved.budget).toBe(1_200_000_000n);
    expect((saved.envelopes ?? []).map((e) => [e.villageId, e.amount])).toEqual([[places.villageIds[1], 100_000_000n]]);
  });
});
