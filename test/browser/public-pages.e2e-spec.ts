import { randomUUID } from 'node:crypto';
import { CreateRoundDto, methodOf } from '../../src/modules/reviews/dto/round.dto';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { createAwardable } from '../helpers/award-setup';
import { createAdoptedPlan, createCast, createCompetition, createPlaces, Places } from '../helpers/factories';
import { roundBody } from '../helpers/review-setup';
import { expectAccessible, openSite, Phone, screenshot, Site, SiteLanguage } from './harness';

const text = (language: SiteLanguage, key: MessageKey): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/** The public site on a 360 px phone: every page passes axe, and the village finder works with and without JS. */
describe('browser: the public pages', () => {
  let site: Site;
  let places: Places;
  let openId: string;
  let decidedId: string;
  let grantVillage: string;

  beforeAll(async () => {
    site = await openSite();
    const { ctx } = site;
    const cast = await createCast(ctx);
    const decided = await createAwardable(ctx, cast, 3, { budget: '1000000000' });
    await ctx.dataSource.query('UPDATE review_rounds SET method = $2 WHERE id = $1', [
      decided.roundId,
      JSON.stringify(methodOf(Object.assign(new CreateRoundDto(), roundBody()))),
    ]);
    const awards = (
      await ctx.http().post(`/api/competitions/${decided.competitionId}/awards`).set(cast.manager.auth).send({})
    ).body as { id: string }[];
    await ctx.http().post(`/api/awards/${awards[0].id}/approve`).set(cast.manager2.auth).expect(200);
    await ctx.http().post(`/api/awards/${awards[0].id}/accept`).set(decided.applications[0].applicant.auth).expect(200);
    decidedId = decided.competitionId;
    grantVillage = decided.applications[0].villageId;

    places = await createPlaces(ctx, cast.admin.user.id, 2);
    for (const villageId of places.villageIds) await createAdoptedPlan(ctx, cast.admin.user.id, villageId);
    openId = (
      await createCompetition(ctx, cast.manager.user.id, places.villageIds, {
        open: true,
        title: { kk: 'Ауыл кәсіпкерлігі 2026' },
        description: { kk: `Шағын бизнеске грант ${randomUUID().slice(0, 4)}` },
      })
    ).id;
  });
  afterAll(async () => {
    await site?.close();
  });

  describe.each([
    { language: 'kk', javaScript: false },
    { language: 'ru', javaScript: false },
    { language: 'ru', javaScript: true },
  ] as const)('$language, JavaScript $javaScript', ({ language, javaScript }) => {
    const js = javaScript ? 'js' : 'no-js';
    let phone: Phone;
    beforeEach(async () => {
      phone = await site.phone({ language, javaScript });
    });
    afterEach(async () => {
      await phone?.close();
    });

    it('finds what a village may apply to: region, district, village', async () => {
      const { page } = phone;
      await page.goto('/');
      const next = page.getByRole('button', { name: text(language, 'public.finder.next') });
      // With htmx, a choice swaps the section in; the next list is ready once htmx has settled it
      // (a person never picks within those milliseconds, a test on a busy machine can).
      const settled = () =>
        page.waitForFunction(() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling'));
      await page.getByLabel(text(language, 'public.finder.region'), { exact: true }).selectOption(places.regionId);
      await (javaScript ? settled() : next.click());
      await page.getByLabel(text(language, 'public.finder.district'), { exact: true }).selectOption(places.districtId);
      await (javaScript ? settled() : next.click());
      await page
        .getByLabel(text(language, 'public.finder.village'), { exact: true })
        .selectOption(places.villageIds[1]);
      if (!javaScript) await page.getByRole('button', { name: text(language, 'public.finder.show') }).click();
      const link = page.locator(`#village-finder a[href="/competitions/${openId}"]`);
      await link.waitFor();
      expect(new URL(page.url()).searchParams.get('village')).toBe(places.villageIds[1]);
      await expectAccessible(page, `home with a village picked (${language}, ${js})`);
      if (javaScript) await screenshot(page, `village-finder-${language}`);
      expect(phone.dialogs).toEqual([]);
    });

    it('shows an open competition with its apply button, and passes axe', async () => {
      const { page } = phone;
      expect((await page.goto(`/competitions/${openId}`))?.status()).toBe(200);
      expect(await page.locator('h1').allTextContents()).toEqual(['Ауыл кәсіпкерлігі 2026']);
      expect(
        await page.getByRole('link', { name: text(language, 'public.competition.apply') }).getAttribute('href'),
      ).toBe(`/applications/new?competition=${openId}`);
      await expectAccessible(page, `open competition (${language}, ${js})`);
      if (javaScript) await screenshot(page, `competition-${language}`, { fullPage: true });
    });

    it('shows a decided competition with its rubric, results and allocation, and passes axe', async () => {
      const { page } = phone;
      expect((await page.goto(`/competitions/${decidedId}`))?.status()).toBe(200);
      await page.getByRole('heading', { name: text(language, 'public.allocation.title') }).waitFor();
      await expectAccessible(page, `decided competition (${language}, ${js})`);
    });

    it('shows a village with its plan and grants, and passes axe', async () => {
      const { page } = phone;
      expect((await page.goto(`/villages/${grantVillage}`))?.status()).toBe(200);
      await page.getByRole('heading', { name: text(language, 'public.village.grants') }).waitFor();
      await expectAccessible(page, `village (${language}, ${js})`);
    });

    it('shows the open data with a chart and filters it without losing the chart, and passes axe', async () => {
      const { page } = phone;
      expect((await page.goto('/open-data'))?.status()).toBe(200);
      expect(await page.locator('svg[role="img"]').count()).toBe(2);
      await page.getByLabel(text(language, 'public.finder.region'), { exact: true }).selectOption(places.regionId);
      await page.getByRole('button', { name: text(language, 'public.openData.apply') }).click();
      await page.waitForURL((url) => url.searchParams.get('region') === places.regionId);
      await page.getByLabel(text(language, 'public.finder.district'), { exact: true }).waitFor();
      await expectAccessible(page, `open data (${language}, ${js})`);
      if (javaScript) await screenshot(page, `open-data-${language}`, { fullPage: true });
    });
  });
});
