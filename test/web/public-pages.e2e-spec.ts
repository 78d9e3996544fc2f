import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { GeographyService } from '../../src/modules/geography/geography.service';
import { CreateRoundDto, methodOf } from '../../src/modules/reviews/dto/round.dto';
import { createAwardable } from '../helpers/award-setup';
import { Cast, createAdoptedPlan, createCast, createCompetition, createPlaces, Places } from '../helpers/factories';
import { roundBody } from '../helpers/review-setup';
import { createTestApp, TestContext } from '../helpers/test-app';
import { webClient } from '../helpers/web-client';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
// Text is escaped where it could start markup (<, &, and " in attributes); a lone > is harmless.
const ESCAPED_TITLE = 'Open call &lt;script>alert(1)&lt;/script>';
const ESCAPED_VILLAGE = 'Aul &quot;>&lt;img src=x onerror=alert(1)>';
const RU = { 'Accept-Language': 'ru' };
const KK = { 'Accept-Language': 'kk' };

/** The text of a page with tags removed and whitespace squeezed, to find words the way a reader sees them. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('public pages: home, competition, village, open data', () => {
  let ctx: TestContext;
  let cast: Cast;
  let awarded: Awaited<ReturnType<typeof createAwardable>>;
  let open: { id: string };
  let draft: { id: string };
  let places: Places;
  let awardedVillage: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    const http = () => ctx.http();

    // A decided competition: a finalized round with a real method, one grant accepted and partly paid.
    awarded = await createAwardable(ctx, cast, 3, { budget: '1000000000' });
    const method = methodOf(Object.assign(new CreateRoundDto(), roundBody()));
    await ctx.dataSource.query('UPDATE review_rounds SET method = $2 WHERE id = $1', [
      awarded.roundId,
      JSON.stringify(method),
    ]);
    const awards = (
      await http().post(`/api/competitions/${awarded.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as { id: string }[];
    await http().post(`/api/awards/${awards[0].id}/approve`).set(cast.manager2.auth).expect(200);
    const accepted = await http()
      .post(`/api/awards/${awards[0].id}/accept`)
      .set(awarded.applications[0].applicant.auth)
      .expect(200);
    const signing = (accepted.body.tranches as { id: string; status: string }[]).find((t) => t.status === 'approved')!;
    const [{ today }]: { today: string }[] = await ctx.dataSource.query(
      "SELECT to_char(now() AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS today",
    );
    await http()
      .post(`/api/tranches/${signing.id}/payments`)
      .set(cast.finance.auth)
      .set('Idempotency-Key', randomUUID())
      .send({ bankReference: 'PP-1', paidOn: today })
      .expect(201);
    awardedVillage = awarded.applications[0].villageId;

    // An open competition whose title and village name try to break out of the HTML.
    places = await createPlaces(ctx, cast.admin.user.id, 2);
    await ctx.app
      .get(GeographyService)
      .updateVillage(cast.admin.user.id, places.villageIds[0], { name: { kk: `Aul ${IMG}`, ru: `Aul ${IMG}` } });
    for (const villageId of places.villageIds) await createAdoptedPlan(ctx, cast.admin.user.id, villageId);
    open = await createCompetition(ctx, cast.manager.user.id, places.villageIds, {
      open: true,
      title: { kk: `Open call ${SCRIPT}`, ru: `Open call ${SCRIPT}` },
      closesAt: new Date('2030-03-01T06:00:00Z'),
      description: { ru: `First paragraph ${IMG}\n\nSecond paragraph` },
    });
    draft = await createCompetition(ctx, cast.manager.user.id, places.villageIds, { title: { ru: 'Secret draft' } });
  }, 120000);
  afterAll(async () => {
    await ctx.close();
  });

  /** Every link of a page into the JSON API answers (the paths are the API's real ones). */
  const expectApiLinksAnswer = async (html: string) => {
    const links = [...html.matchAll(/href="(\/api\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect([link, (await ctx.http().get(link)).status]).toEqual([link, 200]);
  };

  const expectEscaped = (html: string) => {
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<script>alert/);
  };

  describe('home and the village finder', () => {
    it('lists open competitions in kk and ru, the title escaped', async () => {
      const kk = await webClient(ctx).page('/', KK);
      expect(kk.status).toBe(200);
      expect(kk.text).toContain('Ашық конкурстар');
      expect(kk.text).toContain(ESCAPED_TITLE);
      expectEscaped(kk.text);
      const ru = await webClient(ctx).page('/', RU);
      expect(ru.text).toContain('Открытые конкурсы');
      expect(ru.text).toContain('Куда я могу подать заявку из своего села?');
    });

    it('walks region, district, village as plain GET forms and shows what the village may apply to', async () => {
      const client = webClient(ctx);
      const start = await client.page('/', RU);
      expect(start.text).toMatch(/<form method="get" action="\/#village-finder"/);
      expect(start.text).toContain(`<option value="${places.regionId}">`);
      expect(start.text).not.toContain('name="district"');

      const region = await client.page(`/?region=${places.regionId}`, RU);
      expect(region.text).toContain(`<option value="${places.districtId}">`);
      expect(region.text).not.toContain('name="village"');

      const district = await client.page(`/?region=${places.regionId}&district=${places.districtId}`, RU);
      expect(district.text).toContain('name="village"');
      expect(district.text).toContain(`<option value="${places.villageIds[1]}">`);
      expectEscaped(district.text);
      expect(district.text).toContain(ESCAPED_VILLAGE);

      const village = await client.page(
        `/?region=${places.regionId}&district=${places.districtId}&village=${places.villageIds[1]}`,
        RU,
      );
      expect(village.status).toBe(200);
      expect(words(village.text)).toContain('Конкурсы, в которые можно подать заявку из села');
      expect(village.text).toContain(`href="/competitions/${open.id}"`);
      expect(village.text).toContain(`<option value="${places.villageIds[1]}" selected>`);
    });

    it('says so when a village has nothing open, and a village alone fills in its district and region', async () => {
      const response = await webClient(ctx).page(`/?village=${awardedVillage}`, KK);
      expect(response.status).toBe(200);
      expect(response.text).toContain('Бұл ауыл үшін қазір ашық конкурс жоқ.');
      expect(response.text).toContain(`<option value="${awarded.places.districtId}" selected>`);
      expect(response.text).toContain(`<option value="${awarded.places.regionId}" selected>`);
    });

    it('drops a village that is not in the chosen district, and ignores ids that are not UUIDs', async () => {
      const response = await webClient(ctx).page(
        `/?region=${places.regionId}&district=${places.districtId}&village=${awardedVillage}`,
      );
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('selected>Village');
      const junk = await webClient(ctx).page('/?region=%3Cscript%3E&village=1');
      expect(junk.status).toBe(200);
      expectEscaped(junk.text);
    });
  });

  describe('a competition page', () => {
    it('shows the rules in plain words, the villages with their plan goals, and the apply button (kk)', async () => {
      const response = await webClient(ctx).page(`/competitions/${open.id}`, KK);
      expect(response.status).toBe(200);
      const text = words(response.text);
      expect(text).toContain('Негізгі ережелер');
      expect(text).toContain('Конкурстың жалпы бюджеті');
      expect(text).toMatch(/кемінде 100 000(,00)? ₸, ең көбі 3 000 000(,00)? ₸/);
      expect(text).toContain('Жобаның жалпы құнының кемінде 20 % өз қаражатыңыздан болуы керек');
      expect(text).toContain('Ең көбі 1 өтінім');
      expect(text).toContain('G1 Water');
      expect(text).toContain('G2 Youth jobs');
      expect(response.text).toContain(`href="/applications/new?competition=${open.id}"`);
      expect(response.text).toContain('<p>Second paragraph</p>');
      expectEscaped(response.text);
      expect(response.text).toContain(ESCAPED_TITLE);
      expect(response.text).toContain(ESCAPED_VILLAGE);
    });

    it('shows the same in Russian, with dates in Almaty time', async () => {
      const response = await webClient(ctx).page(`/competitions/${open.id}`, RU);
      const text = words(response.text);
      expect(text).toContain('Основные условия');
      expect(text).toContain('Подать заявку');
      expect(text).toContain('Кто может подать заявку');
      expect(text).toContain('Предприниматели 2 сёл, указанных ниже.');
      // 06:00 UTC is 11:00 in Almaty.
      expect(text).toContain('1 марта 2030 г. в 11:00');
    });

    it('publishes the method with every level descriptor, the results by reference and the allocation with reasons', async () => {
      const response = await webClient(ctx).page(`/competitions/${awarded.competitionId}`, RU);
      expect(response.status).toBe(200);
      const text = words(response.text);
      expect(text).toContain('Критерии оценки и их уровни');
      expect(text).toContain('Служит плану села');
      expect(text).toContain('Балл от 0 до 4, вес 3.');
      expect(text).toContain('Если средний балл ниже 1, заявка не проходит дальше.');
      for (const [level, descriptor] of [
        ['0 баллов', 'none'],
        ['1 балл', 'weak'],
        ['2 балла', 'fair'],
        ['4 балла', 'strong'],
      ])
        expect(text).toContain(`${level}: ${descriptor}`);
      expect(text).toContain('Каждую заявку оценивают 2 эксперта');
      expect(text).toContain('Лучшие 3 заявки');
      expect(text).toContain('Итоги этапа');
      expect(text).toContain('Распределение грантов');
      expect(text).toContain('Профинансирована');
      expect(text).toContain('Приём заявок на этот конкурс завершён.');
      expect(response.text).not.toContain('/applications/new?competition=');
      const [{ reference }]: { reference: string }[] = await ctx.dataSource.query(
        'SELECT reference FROM applications WHERE id = $1',
        [awarded.applications[0].id],
      );
      expect(text).toContain(reference);
      // No names of applicants: results are by reference only.
      expect(text).not.toContain('Applicant 0');
      expect(text).not.toContain('Project 0');
      await expectApiLinksAnswer(response.text);
    });

    it('answers 404 as a page for a draft, an unknown id and an id that is not a UUID', async () => {
      for (const path of [`/competitions/${draft.id}`, `/competitions/${randomUUID()}`, '/competitions/not-an-id']) {
        const response = await webClient(ctx).page(path, RU);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.text).toContain('Страница не найдена');
        expect(response.text).not.toContain('Secret draft');
      }
    });
  });

  describe('a village page', () => {
    it("shows the village's plan goals and its grant with how much was paid (ru and kk)", async () => {
      const ru = await webClient(ctx).page(`/villages/${awardedVillage}`, RU);
      expect(ru.status).toBe(200);
      const text = words(ru.text);
      expect(text).toContain('План развития села');
      expect(text).toContain('G1 Water');
      expect(text).toContain('Гранты, выданные в этом селе');
      expect(text).toContain('Всего 1 грант.');
      // Accepted, and active once its first tranche was paid.
      expect(text).toContain('Проект выполняется');
      expect(text).toMatch(/выплачено 50 %/);
      expect(text).toContain('Выплачено частей: 1 из 3');
      expect(text).toContain('Принято отчётов: 0');
      expect(text).not.toContain('Applicant 0');
      const kk = await webClient(ctx).page(`/villages/${awardedVillage}`, KK);
      expect(words(kk.text)).toContain('Осы ауылда берілген гранттар');
    });

    it('escapes the village name and answers 404 for an unknown village', async () => {
      const response = await webClient(ctx).page(`/villages/${places.villageIds[0]}`, RU);
      expect(response.status).toBe(200);
      expectEscaped(response.text);
      expect(response.text).toContain(`<h1>${ESCAPED_VILLAGE}</h1>`);
      expect(words(response.text)).toContain('В этом селе гранты пока не выдавались.');
      expect((await webClient(ctx).page(`/villages/${randomUUID()}`)).status).toBe(404);
      expect((await webClient(ctx).page('/villages/x')).status).toBe(404);
    });
  });

  it('keeps the home page, a competition and a village, with their assets, under 60 KB gzipped', async () => {
    const client = webClient(ctx);
    for (const path of [
      '/',
      `/competitions/${open.id}`,
      `/competitions/${awarded.competitionId}`,
      `/villages/${awardedVillage}`,
    ]) {
      const page = await client.page(path, RU);
      const assets = [...page.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBe(3);
      let bytes = gzipSync(page.text).length;
      for (const asset of assets) {
        const response = await client.agent.get(asset).set('Accept-Encoding', 'gzip').buffer(true);
        bytes += Number(response.headers['content-length'] ?? gzipSync(response.body as Buffer).length);
      }
      expect([path, bytes < 60 * 1024]).toEqual([path, true]);
    }
  });

  describe('open data', () => {
    it('shows the figures, an SVG bar chart with its table, and the downloads (kk and ru)', async () => {
      const ru = await webClient(ctx).page('/open-data', RU);
      expect(ru.status).toBe(200);
      const text = words(ru.text);
      expect(text).toContain('Открытые данные: выданные гранты');
      expect(text).toContain('Выделено по областям');
      expect(ru.text).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="by-place-title by-place-desc"/);
      expect(ru.text).toContain('<title id="by-place-title">Выделено по областям</title>');
      expect(ru.text).toMatch(/<rect [^>]*width="[\d.]+"/);
      expect(ru.text).not.toMatch(/\sstyle=/);
      expect(ru.text).toContain(`/api/public/competitions/${awarded.competitionId}/360giving`);
      await expectApiLinksAnswer(ru.text);
      const kk = await webClient(ctx).page('/open-data', KK);
      expect(words(kk.text)).toContain('Ашық деректер: берілген гранттар');
    });

    it('filters by region, district, village and goal with a GET form', async () => {
      const client = webClient(ctx);
      const { regionId, districtId } = awarded.places;
      const byRegion = await client.page(`/open-data?region=${regionId}`, RU);
      expect(words(byRegion.text)).toContain('Выделено по районам');
      expect(byRegion.text).toContain(`<option value="${districtId}">`);
      const byVillage = await client.page(
        `/open-data?region=${regionId}&district=${districtId}&village=${awardedVillage}`,
        RU,
      );
      const text = words(byVillage.text);
      expect(text).toContain('Выделено по сёлам');
      expect(text).toContain('Под фильтры подходит 1 грант.');
      expect(byVillage.text).toContain('name="goal"');
      // The downloads follow the filters.
      expect(byVillage.text).toContain(
        `/api/public/grants.csv?regionId=${regionId}&amp;districtId=${districtId}&amp;villageId=${awardedVillage}`,
      );
      await expectApiLinksAnswer(byVillage.text);
      const elsewhere = await client.page(`/open-data?region=${places.regionId}`, RU);
      expect(words(elsewhere.text)).toContain('Грантов, подходящих под эти фильтры, нет.');
      const village = await client.page(`/open-data?village=${awardedVillage}`, RU);
      expect(village.text).toContain(`<option value="${awardedVillage}" selected>`);
    });
  });
});
