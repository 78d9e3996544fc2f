import { Cast, createAdoptedPlan, createCast, createPlaces, createUser, PASSWORD } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

const NAMES = { 'region-kk': '', 'region-ru': '', 'region-en': '', 'region-katoCode': '' };

/** The admins' places pages, in English: add a region, a district and a village; rename; remove. */
describe('web: admins manage places', () => {
  let ctx: TestContext;
  let cast: Cast;
  let admin: WebClient;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    ctx.dataSource.query(text, params) as Promise<T[]>;
  const count = async (table: string) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const post = (client: WebClient, path: string, fields: Record<string, string>, token = true) =>
    client.agent
      .post(path)
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send(new URLSearchParams({ ...(token && { _csrf: client.token }), ...fields }).toString());

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    await sql(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [cast.admin.user.id]);
    admin = await signedInClient(ctx, cast.admin.user.email, PASSWORD);
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('adds a region, a district in it and a village, with names in the reader language', async () => {
    expect((await admin.page('/admin/users')).text).toContain('href="/admin/places"');
    expect((await admin.page('/admin/places')).status).toBe(200);
    const region = await post(admin, '/admin/places/regions', {
      ...NAMES,
      'region-kk': 'Ада облысы',
      'region-en': 'Ada Region',
      'region-katoCode': '470000000',
    });
    expect(region.status).toBe(303);
    const [stored] = await sql<{ id: string; name: Record<string, string>; kato_code: string }>(
      `SELECT id, name, kato_code FROM regions WHERE name->>'en' = 'Ada Region'`,
    );
    expect(stored.name).toEqual({ kk: 'Ада облысы', en: 'Ada Region' });
    expect(stored.kato_code).toBe('470000000');

    const district = await post(admin, '/admin/places/districts', {
      'district-regionId': stored.id,
      'district-kk': 'Ақ аудан',
      'district-ru': '',
      'district-en': '',
      'district-katoCode': '',
    });
    expect(district.status).toBe(303);
    const districtPath = district.headers.location.replace(/\?.*$/, '');
    expect(districtPath).toMatch(/^\/admin\/places\/districts\/[0-9a-f-]{36}$/);
    // Kazakh is the first fallback for an English reader.
    const places = await admin.page('/admin/places');
    expect(places.text).toContain('Ada Region');
    expect(places.text).toContain(`href="${districtPath}"`);
    expect(places.text).toContain('Ақ аудан');
    expect(places.text).toContain('Villages: 0');

    await admin.page(districtPath);
    const village = await post(admin, `${districtPath}/villages`, {
      'village-kk': '',
      'village-ru': 'Село Тест',
      'village-en': '',
      'village-katoCode': '471010001',
    });
    expect(village.status).toBe(303);
    const page = await admin.page(districtPath);
    expect(page.text).toContain('Село Тест');
    expect(page.text).toContain('471010001');
    expect((await admin.page('/admin/places')).text).toContain('Villages: 1');
  });

  it('names every bad field, keeps the values and stores nothing', async () => {
    await admin.page('/admin/places');
    const before = await count('regions');
    const empty = await post(admin, '/admin/places/regions', { ...NAMES, 'region-katoCode': '12ab' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#region-kk"');
    expect(empty.text).toContain('Give the name in at least one language');
    expect(empty.text).toContain('href="#region-katoCode"');
    expect(empty.text).toContain('A KATO code is 9 digits');
    expect(empty.text).toContain('value="12ab"');
    const long = await post(admin, '/admin/places/regions', { ...NAMES, 'region-ru': 'я'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('href="#region-ru"');
    expect(long.text).toContain('A name is at most 200 characters');
    const noRegion = await post(admin, '/admin/places/districts', {
      'district-regionId': '',
      'district-kk': 'Жоқ аудан',
      'district-ru': '',
      'district-en': '',
      'district-katoCode': '',
    });
    expect(noRegion.status).toBe(400);
    expect(noRegion.text).toContain('href="#district-regionId"');
    expect(noRegion.text).toContain('value="Жоқ аудан"');
    expect(await count('regions')).toBe(before);
    expect(await sql(`SELECT id FROM districts WHERE name->>'kk' = 'Жоқ аудан'`)).toEqual([]);

    const { districtId, villageIds } = await createPlaces(ctx, cast.admin.user.id, 1);
    const villagesBefore = await count('villages');
    await admin.page(`/admin/places/districts/${districtId}`);
    const bad = await post(admin, `/admin/places/districts/${districtId}/villages`, {
      'village-kk': '',
      'village-ru': '',
      'village-en': '',
      'village-katoCode': '1',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#village-kk"');
    expect(bad.text).toContain('href="#village-katoCode"');
    expect(await count('villages')).toBe(villagesBefore);
    // A name taken in the same district, at its field.
    const [{ name }] = await sql<{ name: { en: string } }>('SELECT name FROM villages WHERE id = $1', [villageIds[0]]);
    const taken = await post(admin, `/admin/places/districts/${districtId}/villages`, {
      'village-kk': '',
      'village-ru': '',
      'village-en': name.en,
      'village-katoCode': '',
    });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('href="#village-en"');
    expect(taken.text).toContain('A place with this name is already there');
    expect(await count('villages')).toBe(villagesBefore);
  });

  it('renames a district and a village; an empty KATO code clears it', async () => {
    const { districtId, villageIds } = await createPlaces(ctx, cast.admin.user.id, 1);
    await admin.page(`/admin/places/districts/${districtId}`);
    const district = await post(admin, `/admin/places/districts/${districtId}`, {
      'rename-kk': 'Жаңа аудан',
      'rename-ru': 'Новый район',
      'rename-en': '',
      'rename-katoCode': '471000000',
    });
    expect(district.status).toBe(303);
    expect((await sql('SELECT name, kato_code FROM districts WHERE id = $1', [districtId]))[0]).toEqual({
      name: { kk: 'Жаңа аудан', ru: 'Новый район' },
      kato_code: '471000000',
    });

    const path = `/admin/places/villages/${villageIds[0]}`;
    await admin.page(path);
    const bad = await post(admin, path, { kk: '', ru: '', en: '', katoCode: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#kk"');
    await sql(`UPDATE villages SET kato_code = '471000009' WHERE id = $1`, [villageIds[0]]);
    const renamed = await post(admin, path, { kk: 'Жаңа ауыл', ru: '', en: 'New Village', katoCode: '' });
    expect(renamed.status).toBe(303);
    expect((await sql('SELECT name, kato_code FROM villages WHERE id = $1', [villageIds[0]]))[0]).toEqual({
      name: { kk: 'Жаңа ауыл', en: 'New Village' },
      kato_code: null,
    });
    expect((await admin.page(`${path}?saved=1`)).text).toContain('New Village');
  });

  it('removes a village once confirmed, and refuses in words while a user or a plan refers to it', async () => {
    const { districtId, villageIds } = await createPlaces(ctx, cast.admin.user.id, 3);
    const [free, lived, planned] = villageIds;
    await createUser(ctx, { homeVillageId: lived });
    await createAdoptedPlan(ctx, cast.admin.user.id, planned);
    await admin.page(`/admin/places/villages/${free}`);
    const unconfirmed = await post(admin, `/admin/places/villages/${free}/delete`, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain('href="#confirm"');
    expect(unconfirmed.text).toContain('Tick the box to confirm the removal');
    for (const id of [lived, planned]) {
      const refused = await post(admin, `/admin/places/villages/${id}/delete`, { confirm: 'yes' });
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('The village was not removed: users, development plans or applications refer');
      expect(await sql('SELECT id FROM villages WHERE id = $1', [id])).toHaveLength(1);
    }
    const removed = await post(admin, `/admin/places/villages/${free}/delete`, { confirm: 'yes' });
    expect(removed.status).toBe(303);
    expect(removed.headers.location).toBe(`/admin/places/districts/${districtId}?done=removed`);
    expect(await sql('SELECT id FROM villages WHERE id = $1', [free])).toEqual([]);
  });

  it('is for admins only, and refuses forms without the CSRF token', async () => {
    const { districtId, villageIds } = await createPlaces(ctx, cast.admin.user.id, 1);
    const villagesBefore = await count('villages');
    const pages = ['/admin/places', `/admin/places/districts/${districtId}`, `/admin/places/villages/${villageIds[0]}`];
    for (const who of [cast.manager, cast.finance, cast.observer, cast.juror, cast.applicant]) {
      const client = await signedInClient(ctx, who.user.email, PASSWORD);
      for (const url of pages) expect((await client.page(url)).status).toBe(403);
      const fields = { 'village-kk': 'Сұқ', 'village-ru': '', 'village-en': '', 'village-katoCode': '' };
      expect((await post(client, `/admin/places/districts/${districtId}/villages`, fields)).status).toBe(403);
      expect((await post(client, `/admin/places/villages/${villageIds[0]}/delete`, { confirm: 'yes' })).status).toBe(
        403,
      );
    }
    await admin.page(`/admin/places/districts/${districtId}`);
    const fields = { 'village-kk': 'Токенсіз', 'village-ru': '', 'village-en': '', 'village-katoCode': '' };
    expect((await post(admin, `/admin/places/districts/${districtId}/villages`, fields, false)).status).toBe(403);
    expect(
      (await post(admin, `/admin/places/villages/${villageIds[0]}/delete`, { confirm: 'yes' }, false)).status,
    ).toBe(403);
    expect(await count('villages')).toBe(villagesBefore);
  });
});
