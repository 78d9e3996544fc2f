import { almatyDate } from '../../src/web/manager/rounds/deadline';
import {
  formOfCompetition,
  newSetupForm,
  postedFields,
  SetupForm,
} from '../../src/web/manager/competitions/setup-form';
import {
  Cast,
  competitionCode,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  PASSWORD,
  Places,
} from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';
import { Competition } from '../../src/modules/competitions/entities/competition.entity';
import { CompetitionsService } from '../../src/modules/competitions/competitions.service';

const DAY = 24 * 3600 * 1000;

/**
 * The managers' competition setup against the real app and PostgreSQL: a competition created
 * through the form (bad input refused with every field named, nothing stored), edited, eligible by
 * district and by village, with envelopes and a tranche template that must add up to 100 %;
 * opening refused with the rule check's problems in words, then opened, read only, and closed.
 * Jurors and applicants reach none of it, and a form without its token changes nothing.
 */
describe('web: a manager sets up a competition', () => {
  let ctx: TestContext;
  let cast: Cast;
  let places: Places;
  let manager: WebClient;
  let competitionId: string;

  const sql = async <T>(text: string, params: unknown[] = []) => (await ctx.dataSource.query(text, params)) as T[];
  const count = async () => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM competitions'))[0].n);
  const stored = (id = competitionId): Promise<Competition> => ctx.app.get(CompetitionsService).get(id);
  const errorLinks = (html: string) => [...html.matchAll(/<a href="#([\w-]+)">/g)].map((m) => m[1]);
  const inDays = (days: number) => almatyDate(new Date(Date.now() + days * DAY));

  const goodForm = (code: string): SetupForm => ({
    ...newSetupForm(),
    code,
    title: { kk: 'Start Up Маңғыстау', ru: 'Start Up Мангистау', en: '' },
    budget: '10 000 000',
    minAward: '500000',
    maxAward: '1 500 000,50',
    minOwnShare: '20',
    opensAt: inDays(1),
    closesAt: inDays(40),
    districts: [places.districtId],
    envelopes: [{ place: `district:${places.districtId}`, amount: '3 000 000' }],
  });

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    places = await createPlaces(ctx, cast.admin.user.id, 3);
    await sql(`UPDATE users SET preferred_language = 'ru' WHERE id = $1`, [cast.manager.user.id]);
    manager = await signedInClient(ctx, cast.manager.user.email, PASSWORD);
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('keeps one list of competitions, the home, with a link to a new one', async () => {
    const list = await manager.page('/manage/competitions');
    expect(list.status).toBe(303);
    expect(list.headers.location).toBe('/manage#competitions-heading');
    const home = await manager.page('/manage');
    expect(home.text).toContain('href="/manage/competitions/new"');
    expect(home.text).toContain('Новый конкурс');
  });

  it('refuses bad input with every field named and linked, values kept, nothing stored', async () => {
    const form = await manager.page('/manage/competitions/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<html lang="ru">');
    expect(form.text).toContain(`id="district-${places.districtId}"`);
    expect(form.text).toContain(`id="village-${places.villageIds[0]}"`);
    const bad = goodForm('tup');
    Object.assign(bad, { title: { kk: '', ru: '', en: '' }, budget: '1.500.000', closesAt: '2030-02-31' });
    bad.envelopes = [{ place: `district:${places.districtId}`, amount: 'много' }];
    const refused = await manager.submit('/manage/competitions/new', postedFields(bad));
    expect(refused.status).toBe(400);
    expect(errorLinks(refused.text)).toEqual(['code', 'title-kk', 'budget', 'closesAt', 'envelope-0-amount']);
    expect(refused.text).toContain('Укажите название хотя бы на одном языке');
    expect(refused.text).toContain('Лимит 1: укажите предел в тенге');
    expect(refused.text).toContain('value="1.500.000"');
    expect(refused.text).toContain('value="много"');
    expect(await count()).toBe(0);
  });

  it('adds and removes rows without storing anything', async () => {
    const added = await manager.submit('/manage/competitions/new', postedFields(goodForm('TADD'), 'add-tranche'));
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="tranches" value="4"');
    const removed = await manager.submit(
      '/manage/competitions/new',
      postedFields(goodForm('TADD'), 'remove-envelope-0'),
    );
    expect(removed.text).toContain('name="envelopes" value="0"');
    expect(await count()).toBe(0);
  });

  it('refuses a tranche template whose shares do not add up to 100 %, on its field', async () => {
    const form = goodForm('TSUM');
    form.tranches[0].share = '45';
    const refused = await manager.submit('/manage/competitions/new', postedFields(form));
    expect(refused.status).toBe(422);
    expect(errorLinks(refused.text)).toEqual(['tranche-0-share']);
    expect(refused.text).toContain('Доли траншей дают в сумме 95 %, а нужно 100 %');
    expect(await count()).toBe(0);
  });

  it('creates a competition from the form: tenge in tiyn, percents in basis points, Almaty times', async () => {
    const form = goodForm('TWEB');
    const created = await manager.submit('/manage/competitions/new', postedFields(form));
    expect(created.status).toBe(303);
    competitionId = /^\/manage\/competitions\/([0-9a-f-]{36})$/.exec(created.headers.location)![1];
    const c = await stored();
    expect(c).toMatchObject({
      code: 'TWEB',
      status: 'draft',
      title: { kk: 'Start Up Маңғыстау', ru: 'Start Up Мангистау' },
      budget: 1_000_000_000n,
      minAward: 50_000_000n,
      maxAward: 150_000_050n,
      minOwnShareBp: 2000,
      maxApplicationsPerApplicant: 1,
    });
    expect(c.opensAt.toISOString()).toBe(new Date(`${form.opensAt}T09:00:00+05:00`).toISOString());
    expect((c.eligibleDistricts ?? []).map((d) => d.districtId)).toEqual([places.districtId]);
    expect((c.envelopes ?? []).map((e) => [e.districtId, e.amount])).toEqual([[places.districtId, 300_000_000n]]);
    expect(c.awardRules.trancheTemplate.map((t) => t.shareBp)).toEqual([5000, 3000, 2000]);
    const overview = await manager.page(created.headers.location);
    expect(overview.text).toContain(`href="/manage/competitions/${competitionId}/edit"`);
    expect(overview.text).toContain(`href="/manage/competitions/${competitionId}/open"`);
    const taken = await manager.submit('/manage/competitions/new', postedFields(goodForm('TWEB')));
    expect(taken.status).toBe(409);
    expect(errorLinks(taken.text)).toEqual(['code']);
    expect(await count()).toBe(1);
  });

  it('edits the draft: villages one by one, a village envelope, two tranches; the form shows what is stored', async () => {
    const page = await manager.page(`/manage/competitions/${competitionId}/edit`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="10000000"');
    expect(page.text).toContain('value="1500000,50"');
    const form = formOfCompetition(await stored());
    form.districts = [];
    form.villages = places.villageIds.slice(0, 2);
    form.envelopes = [{ place: `village:${places.villageIds[0]}`, amount: '2 000 000' }];
    form.tranches = [
      { label: { kk: 'Қол қойылғанда', ru: '', en: '' }, share: '60', release: 'signing', due: '' },
      { label: { kk: 'Есеп', ru: 'Отчёт', en: '' }, share: '40', release: 'report', due: '' },
    ];
    const refused = await manager.submit(`/manage/competitions/${competitionId}/edit`, postedFields(form));
    expect(refused.status).toBe(422);
    expect(errorLinks(refused.text)).toEqual(['tranche-1-due']);
    form.tranches[1].due = '180';
    form.floors = [{ district: places.districtId, grants: '1' }];
    const saved = await manager.submit(`/manage/competitions/${competitionId}/edit`, postedFields(form));
    expect(saved.status).toBe(303);
    const c = await stored();
    expect((c.eligibleDistricts ?? []).length).toBe(0);
    expect((c.eligibleVillages ?? []).map((v) => v.villageId).sort()).toEqual(places.villageIds.slice(0, 2).sort());
    expect((c.envelopes ?? []).map((e) => [e.villageId, e.amount])).toEqual([[places.villageIds[0], 200_000_000n]]);
    expect(c.awardRules).toMatchObject({
      trancheTemplate: [
        { shareBp: 6000, reportRequired: false, dueDays: null },
        { shareBp: 4000, reportRequired: true, dueDays: 180, label: { kk: 'Есеп', ru: 'Отчёт' } },
      ],
      floors: [{ districtId: places.districtId, grants: 1 }],
    });
  });

  it('refuses to open with every problem in words, then opens as the API does', async () => {
    const path = `/manage/competitions/${competitionId}/open`;
    expect((await manager.page(path)).text).toContain('Я проверил(а) настройки и хочу открыть конкурс');
    const unconfirmed = await manager.submit(path, {});
    expect(unconfirmed.status).toBe(400);
    expect(errorLinks(unconfirmed.text)).toEqual(['confirm']);
    await sql(
      `UPDATE competitions SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [competitionId],
    );
    const refused = await manager.submit(path, { confirm: 'yes' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Конкурс пока нельзя открыть');
    expect(refused.text).toContain(`href="/manage/competitions/${competitionId}/edit#eligible"`);
    expect(refused.text).toContain('Ни у одного выбранного села нет утверждённого плана развития');
    expect(refused.text).toContain(`href="/manage/competitions/${competitionId}/edit#closesAt"`);
    expect(refused.text).toContain('Срок окончания приёма уже прошёл');
    expect((await stored()).status).toBe('draft');

    await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[0]);
    const applicant = await createUser(ctx, { homeVillageId: places.villageIds[0] });
    await sql('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [applicant.user.id]);
    const form = formOfCompetition(await stored());
    Object.assign(form, { opensAt: inDays(-1), closesAt: inDays(30) });
    expect((await manager.submit(`/manage/competitions/${competitionId}/edit`, postedFields(form))).status).toBe(303);
    const opened = await manager.submit(path, { confirm: 'yes' });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe(`/manage/competitions/${competitionId}`);
    // What the API's open leaves: open, villages frozen, audited, the village's applicant told.
    const api = await ctx.http().get(`/api/competitions/${competitionId}`).set(cast.manager.auth).expect(200);
    expect(api.body).toMatchObject({ status: 'open', rulesFrozen: true });
    expect(api.body.eligibleVillageIds).toEqual(places.villageIds.slice(0, 2).sort());
    expect(
      await sql(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'competition.opened'`, [competitionId]),
    ).toHaveLength(1);
    expect(
      await sql(`SELECT 1 FROM notifications WHERE recipient_id = $1 AND type = 'competition.opened'`, [
        applicant.user.id,
      ]),
    ).toHaveLength(1);
    const again = await manager.submit(path, { confirm: 'yes' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Открыть можно только черновик');
  });

  it('shows the setup of an open competition read only, with why, and refuses a change', async () => {
    const page = await manager.page(`/manage/competitions/${competitionId}/edit`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('правила зафиксированы при открытии');
    expect(page.text).toContain('<fieldset class="setup-section" disabled>');
    expect(page.text).not.toContain('value="save"');
    const before = await stored();
    const form = formOfCompetition(before);
    form.budget = '1';
    const refused = await manager.submit(`/manage/competitions/${competitionId}/edit`, postedFields(form));
    expect(refused.status).toBe(409);
    expect((await stored()).budget).toBe(before.budget);
  });

  it('closes an open competition once confirmed', async () => {
    const path = `/manage/competitions/${competitionId}/close`;
    expect((await manager.page(path)).text).toContain('Я хочу прекратить приём заявок сейчас');
    expect((await manager.submit(path, {})).status).toBe(400);
    expect((await stored()).status).toBe('open');
    const closed = await manager.submit(path, { confirm: 'yes' });
    expect(closed.status).toBe(303);
    expect((await stored()).status).toBe('closed');
  });

  it('lets a juror or an applicant open none of these pages, and refuses a form without its token', async () => {
    const draft = await createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]], {
      code: competitionCode(),
    });
    for (const who of [cast.juror, cast.applicant]) {
      const client = await signedInClient(ctx, who.user.email, PASSWORD);
      for (const path of [
        '/manage/competitions/new',
        `/manage/competitions/${draft.id}/edit`,
        `/manage/competitions/${draft.id}/open`,
      ])
        expect({ path, status: (await client.page(path)).status }).toEqual({ path, status: 403 });
      expect((await client.submit(`/manage/competitions/${draft.id}/open`, { confirm: 'yes' })).status).toBe(403);
    }
    const before = await count();
    const forged = await manager.agent
      .post('/manage/competitions/new')
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send(postedFields(goodForm('TCSRF')));
    expect(forged.status).toBe(403);
    const noToken = await manager.agent
      .post(`/manage/competitions/${draft.id}/open`)
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ confirm: 'yes' });
    expect(noToken.status).toBe(403);
    expect(await count()).toBe(before);
    expect((await stored(draft.id)).status).toBe('draft');
  });
});
