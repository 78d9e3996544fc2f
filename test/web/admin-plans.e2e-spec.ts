import { Cast, createAdoptedPlan, createCast, createPlaces, PASSWORD } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/** The admins' plan pages, in English: list, a draft with goals, bad input, edit, adopt, archive. */
describe('web: admins manage village development plans', () => {
  let ctx: TestContext;
  let cast: Cast;
  let admin: WebClient;
  let villageId: string;
  let otherVillageId: string;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    ctx.dataSource.query(text, params) as Promise<T[]>;
  const plansOf = (village: string) =>
    sql<{ id: string; status: string; title: string; period_end: number }>(
      'SELECT id, status, title, period_end FROM development_plans WHERE village_id = $1 ORDER BY version',
      [village],
    );
  const post = (client: WebClient, path: string, fields: Record<string, string>, token = true) =>
    client.agent
      .post(path)
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ ...(token ? { _csrf: client.token } : {}), ...fields });
  const goal = (i: number, code: string, en: string, priority: string) => ({
    [`code-${i}`]: code,
    [`title-${i}-kk`]: en && `${en} kk`,
    [`title-${i}-ru`]: '',
    [`title-${i}-en`]: en,
    [`description-${i}-kk`]: '',
    [`description-${i}-ru`]: '',
    [`description-${i}-en`]: '',
    [`priority-${i}`]: priority,
  });
  const twoGoals = {
    title: 'Water first 2026-2030',
    periodStart: '2026',
    periodEnd: '2030',
    rows: '2',
    ...goal(0, 'G1', 'Water supply', '1'),
    ...goal(1, 'G2', 'Jobs for young people', '2'),
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    await sql(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [cast.admin.user.id]);
    [villageId, otherVillageId] = (await createPlaces(ctx, cast.admin.user.id, 2)).villageIds;
    admin = await signedInClient(ctx, cast.admin.user.email, PASSWORD);
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('leads from the accounts page to the plans, listed by status with village names', async () => {
    await createAdoptedPlan(ctx, cast.admin.user.id, otherVillageId);
    expect((await admin.page('/admin/users')).text).toContain('href="/admin/plans"');
    const adopted = await admin.page('/admin/plans');
    expect(adopted.status).toBe(200);
    expect(adopted.text).toContain('Village ');
    expect(adopted.text).toContain('adopted');
    const drafts = await admin.page('/admin/plans?status=draft&page=x');
    expect(drafts.status).toBe(200);
    expect(drafts.text).toContain('<option value="draft" selected');
    const choose = await admin.page('/admin/plans/new');
    expect(choose.text).toContain(`value="${villageId}"`);
  });

  it('refuses bad input at each field, keeping the values and storing nothing', async () => {
    await admin.page(`/admin/plans/new?village=${villageId}`);
    const bad = await post(admin, '/admin/plans/new', {
      village: villageId,
      title: '',
      periodStart: '1999',
      periodEnd: 'soon',
      rows: '2',
      ...goal(0, 'G 1!', 'Water supply', '0'),
      ...goal(1, 'G2', '', 'x'),
    });
    expect(bad.status).toBe(400);
    for (const field of ['title', 'periodStart', 'periodEnd', 'code-0', 'priority-0', 'title-1-kk', 'priority-1'])
      expect(bad.text).toContain(`href="#${field}"`);
    expect(bad.text).toContain('Enter the priority as a whole number from 1 to 99');
    expect(bad.text).toContain('value="soon"');
    expect(bad.text).toContain('value="G 1!"');
    const backwards = await post(admin, '/admin/plans/new', { village: villageId, ...twoGoals, periodEnd: '2020' });
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('The period cannot end before it starts');
    const twice = await post(admin, '/admin/plans/new', { village: villageId, ...twoGoals, 'code-1': 'g1' });
    expect(twice.text).toContain('href="#code-1"');
    expect(await plansOf(villageId)).toEqual([]);
  });

  it('adds and removes goal rows without storing anything', async () => {
    const added = await post(admin, '/admin/plans/new', { village: villageId, ...twoGoals, action: 'add' });
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="code-2"');
    expect(added.text).toContain('value="Jobs for young people"');
    const removed = await post(admin, '/admin/plans/new', { village: villageId, ...twoGoals, action: 'remove-0' });
    expect(removed.text).not.toContain('name="code-1"');
    expect(removed.text).toContain('value="G2"');
    expect(removed.text).not.toContain('value="Water supply"');
    expect(await plansOf(villageId)).toEqual([]);
  });

  it('creates a draft with two goals, edits it, adopts it for the public page, then archives it', async () => {
    const created = await post(admin, '/admin/plans/new', { village: villageId, ...twoGoals });
    expect(created.status).toBe(303);
    const [plan] = await plansOf(villageId);
    expect(plan.status).toBe('draft');
    expect(created.headers.location).toBe(`/admin/plans/${plan.id}?done=saved`);
    const goals = await sql('SELECT code FROM plan_goals WHERE plan_id = $1 ORDER BY code', [plan.id]);
    expect(goals).toEqual([{ code: 'G1' }, { code: 'G2' }]);

    const form = await admin.page(created.headers.location);
    expect(form.text).toContain('The plan is saved.');
    expect(form.text).toContain('value="Jobs for young people"');
    const edited = await post(admin, `/admin/plans/${plan.id}`, { ...twoGoals, periodEnd: '2031' });
    expect(edited.status).toBe(303);
    expect((await plansOf(villageId))[0].period_end).toBe(2031);

    const unconfirmed = await post(admin, `/admin/plans/${plan.id}/adopt`, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('href="#confirm-adopt"');
    expect((await plansOf(villageId))[0].status).toBe('draft');
    expect((await post(admin, `/admin/plans/${plan.id}/adopt`, { confirm: 'yes' })).status).toBe(303);
    expect((await plansOf(villageId))[0].status).toBe('adopted');
    const adopted = await admin.page(`/admin/plans/${plan.id}?done=adopted`);
    expect(adopted.text).toContain('The plan is adopted.');
    expect(adopted.text).not.toContain('name="code-0"');
    expect(adopted.text).toContain('Water supply');
    // An adopted plan is not edited: the post leads back to its page, nothing changes.
    expect((await post(admin, `/admin/plans/${plan.id}`, { ...twoGoals, title: 'Changed' })).status).toBe(303);
    expect((await plansOf(villageId))[0].title).toBe('Water first 2026-2030');
    const publicPage = await ctx.http().get(`/villages/${villageId}`).set('Accept-Language', 'en');
    expect(publicPage.text).toContain('Water supply');
    await ctx.http().get(`/api/villages/${villageId}/plan`).expect(200);

    const adoptAgain = await post(admin, `/admin/plans/${plan.id}/adopt`, { confirm: 'yes' });
    expect(adoptAgain.status).toBe(409);
    expect(adoptAgain.text).toContain('status does not allow this');
    expect((await post(admin, `/admin/plans/${plan.id}/archive`, { confirm: 'yes' })).status).toBe(303);
    expect((await plansOf(villageId))[0].status).toBe('archived');
    const archived = await admin.page(`/admin/plans/${plan.id}`);
    expect(archived.text).not.toContain(`action="/admin/plans/${plan.id}/archive"`);
  });

  it('is for admins only, and refuses forms without the CSRF token', async () => {
    const [draft] = await plansOf(otherVillageId);
    for (const who of [cast.manager, cast.finance, cast.observer, cast.applicant, cast.juror]) {
      const client = await signedInClient(ctx, who.user.email, PASSWORD);
      for (const url of ['/admin/plans', `/admin/plans/new?village=${villageId}`, `/admin/plans/${draft.id}`])
        expect((await client.page(url)).status).toBe(403);
      expect((await post(client, '/admin/plans/new', { village: villageId, ...twoGoals })).status).toBe(403);
      expect((await post(client, `/admin/plans/${draft.id}/archive`, { confirm: 'yes' })).status).toBe(403);
    }
    await admin.page('/admin/plans');
    expect((await post(admin, '/admin/plans/new', { village: villageId, ...twoGoals }, false)).status).toBe(403);
    expect((await post(admin, `/admin/plans/${draft.id}/archive`, { confirm: 'yes' }, false)).status).toBe(403);
    expect((await plansOf(villageId)).length).toBe(1);
    expect((await plansOf(otherVillageId))[0].status).toBe('adopted');
  });

  it("archives the village's previously adopted plan when a new version is adopted", async () => {
    await admin.page(`/admin/plans/new?village=${otherVillageId}`);
    expect((await post(admin, '/admin/plans/new', { village: otherVillageId, ...twoGoals })).status).toBe(303);
    const [old, next] = await plansOf(otherVillageId);
    expect([old.status, next.status]).toEqual(['adopted', 'draft']);
    expect((await post(admin, `/admin/plans/${next.id}/adopt`, { confirm: 'yes' })).status).toBe(303);
    expect((await plansOf(otherVillageId)).map((p) => p.status)).toEqual(['archived', 'adopted']);
  });
});
