import { LocalizedText } from '../src/common/i18n/localized-text';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Cast, createAdoptedPlan, createCast, createPlaces } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';
import { countRows, expectError } from './helpers/assertions';

type Level = 'region' | 'district' | 'village';

const TABLES = { region: 'regions', district: 'districts', village: 'villages' } as const;
const PATHS = { region: '/api/regions', district: '/api/districts', village: '/api/villages' } as const;
const NOT_FOUND = {
  region: 'GEOGRAPHY.REGION_NOT_FOUND',
  district: 'GEOGRAPHY.DISTRICT_NOT_FOUND',
  village: 'GEOGRAPHY.VILLAGE_NOT_FOUND',
} as const;
const LEVELS: Level[] = ['region', 'district', 'village'];

const tag = () => randomUUID().slice(0, 8);

/** A place name given in Russian only: sorting and search then go by it. */
const ru = (text: string): LocalizedText => ({ ru: text });

describe('geography: regions, districts and villages', () => {
  let ctx: TestContext;
  let cast: Cast;
  let admin: Record<string, string>;

  const count = (table: string): Promise<number> => countRows(ctx, table);

  /** Rows of every place table and the audit log: a refused request must leave all of them alone. */
  const snapshot = async () => ({
    regions: await count('regions'),
    districts: await count('districts'),
    villages: await count('villages'),
    audit: await count('audit_events'),
  });

  const auditOf = async (entityType: string, entityId: string) =>
    (await ctx.http().get('/api/audit-events').query({ entityType, entityId }).set(admin).expect(200)).body.items as {
      action: string;
      actorId: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];

  const createRegion = async (body: Record<string, unknown> = {}) =>
    (
      await ctx
        .http()
        .post('/api/regions')
        .set(admin)
        .send({ name: ru(`Region ${tag()}`), ...body })
        .expect(201)
    ).body as { id: string; name: LocalizedText };
  const createDistrict = async (regionId: string, body: Record<string, unknown> = {}) =>
    (
      await ctx
        .http()
        .post('/api/districts')
        .set(admin)
        .send({ regionId, name: ru(`District ${tag()}`), ...body })
        .expect(201)
    ).body as { id: string; name: LocalizedText };
  const createVillage = async (districtId: string, body: Record<string, unknown> = {}) =>
    (
      await ctx
        .http()
        .post('/api/villages')
        .set(admin)
        .send({ districtId, name: ru(`Village ${tag()}`), ...body })
        .expect(201)
    ).body as { id: string; name: LocalizedText };

  /** A fresh region > district > village, so each test owns the place it changes. */
  const createTree = async () => {
    const region = await createRegion();
    const district = await createDistrict(region.id);
    const village = await createVillage(district.id);
    return { region: region.id, district: district.id, village: village.id };
  };

  /** A valid creation body for each level, under fresh parents. */
  const validBody = async (level: Level): Promise<Record<string, unknown>> => {
    const name = ru(`New ${level} ${tag()}`);
    if (level === 'region') return { name };
    const tree = await createTree();
    return level === 'district' ? { name, regionId: tree.region } : { name, districtId: tree.district };
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    admin = cast.admin.auth;
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('public reads', () => {
    it('lists regions by name, without a token', async () => {
      const [b, a] = [
        await createRegion({ name: ru(`Zz ${tag()}`) }),
        await createRegion({ name: ru(`Aa ${tag()}`), katoCode: '470000000' }),
      ];
      const res = await ctx.http().get('/api/regions').query({ limit: 100 }).expect(200);
      expect(res.body).toMatchObject({ total: res.body.items.length, limit: 100, offset: 0 });
      const ids = (res.body.items as { id: string }[]).map((r) => r.id);
      expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          { id: a.id, name: a.name, katoCode: '470000000' },
          { id: b.id, name: b.name, katoCode: null },
        ]),
      );
    });

    it('lists districts, optionally of one region, without a token', async () => {
      const region = await createRegion();
      const other = await createRegion();
      const d2 = await createDistrict(region.id, { name: ru('Tupkaragan') });
      const d1 = await createDistrict(region.id, { name: ru('Mangistau'), katoCode: '475000000' });
      await createDistrict(other.id);
      const res = await ctx.http().get('/api/districts').query({ regionId: region.id }).expect(200);
      expect(res.body).toEqual({
        items: [
          { id: d1.id, name: ru('Mangistau'), katoCode: '475000000', regionId: region.id },
          { id: d2.id, name: ru('Tupkaragan'), katoCode: null, regionId: region.id },
        ],
        total: 2,
        limit: 20,
        offset: 0,
      });
      const second = await ctx
        .http()
        .get('/api/districts')
        .query({ regionId: region.id, limit: 1, offset: 1 })
        .expect(200);
      expect(second.body).toEqual({ items: [res.body.items[1]], total: 2, limit: 1, offset: 1 });
      const all = await ctx.http().get('/api/districts').expect(200);
      expect(all.body.total).toBe(await count('districts'));
    });

    it('reads one village without a token', async () => {
      const tree = await createTree();
      const res = await ctx.http().get(`/api/villages/${tree.village}`).expect(200);
      expect(res.body).toEqual({
        id: tree.village,
        name: { ru: expect.any(String) },
        katoCode: null,
        districtId: tree.district,
        kind: 'village',
      });
    });

    it('answers 404 for an unknown village and 400 for a malformed id', async () => {
      expectError(await ctx.http().get(`/api/villages/${randomUUID()}`), 404, 'GEOGRAPHY.VILLAGE_NOT_FOUND');
      expectError(await ctx.http().get('/api/villages/not-a-uuid'), 400, 'REQUEST.INVALID_ID');
    });

    it.each([
      ['/api/districts', 'a regionId that is not a UUID', { regionId: 'nope' }, 'regionId'],
      ['/api/districts', 'an unknown parameter', { colour: 'red' }, 'colour'],
      ['/api/villages', 'a regionId that is not a UUID', { regionId: '123' }, 'regionId'],
      ['/api/villages', 'a districtId that is not a UUID', { districtId: 'x' }, 'districtId'],
      ['/api/villages', 'a limit that is not a number', { limit: 'ten' }, 'limit'],
      ['/api/villages', 'a negative offset', { offset: '-1' }, 'offset'],
      ['/api/villages', 'a search over 100 characters', { search: 'x'.repeat(101) }, 'search'],
      ['/api/villages', 'an unknown parameter', { sort: 'name' }, 'sort'],
    ])('GET %s refuses %s', async (path, _case, query, field) => {
      expectError(await ctx.http().get(path).query(query), 400, 'REQUEST.VALIDATION_FAILED', field);
    });
  });

  describe('GET /api/villages filters and pages', () => {
    let west: { region: string; districts: string[] };
    let east: { region: string; district: string };

    beforeAll(async () => {
      const region = await createRegion();
      const d1 = await createDistrict(region.id);
      const d2 = await createDistrict(region.id);
      await createVillage(d1.id, { name: ru('Shetpe') });
      await createVillage(d1.id, { name: ru('Akshukur') });
      await createVillage(d2.id, { name: ru('Bautino'), kind: 'rural_district' });
      await createVillage(d2.id, { name: ru('100% Kyzylozen_') });
      west = { region: region.id, districts: [d1.id, d2.id] };
      const eastRegion = await createRegion();
      const d3 = await createDistrict(eastRegion.id);
      await createVillage(d3.id, { name: ru('Akshukur') });
      east = { region: eastRegion.id, district: d3.id };
    });

    const names = (res: Response) => (res.body.items as { name: LocalizedText }[]).map((v) => v.name.ru);

    it('filters by region, sorted by name, with the page metadata', async () => {
      const res = await ctx.http().get('/api/villages').query({ regionId: west.region }).expect(200);
      expect(names(res)).toEqual(['100% Kyzylozen_', 'Akshukur', 'Bautino', 'Shetpe']);
      expect(res.body).toMatchObject({ total: 4, limit: 20, offset: 0 });
      expect(res.body.items[2]).toEqual({
        id: expect.any(String),
        name: ru('Bautino'),
        katoCode: null,
        districtId: west.districts[1],
        kind: 'rural_district',
      });
    });

    it('filters by district', async () => {
      const res = await ctx.http().get('/api/villages').query({ districtId: west.districts[0] }).expect(200);
      expect(names(res)).toEqual(['Akshukur', 'Shetpe']);
      expect(res.body.total).toBe(2);
    });

    it('searches by part of the name, case-insensitively, across regions', async () => {
      const res = await ctx.http().get('/api/villages').query({ search: ' SHUK ' }).expect(200);
      expect(names(res)).toEqual(['Akshukur', 'Akshukur']);
      const both = await ctx.http().get('/api/villages').query({ search: 'shuk', regionId: east.region }).expect(200);
      expect(both.body.items).toEqual([expect.objectContaining({ name: ru('Akshukur'), districtId: east.district })]);
    });

    it('searches every language of a name, and sorts by its Kazakh text, else Russian, else English', async () => {
      const district = await createDistrict(east.region);
      const both = await createVillage(district.id, { name: { kk: 'Ақшұқыр', ru: 'Акшукур', en: 'Aqshuqyr' } });
      const english = await createVillage(district.id, { name: { en: 'Abai' } });
      for (const search of ['ақшұ', 'АКШУ', 'qshuq']) {
        const res = await ctx.http().get('/api/villages').query({ search, districtId: district.id }).expect(200);
        expect(res.body.items).toEqual([expect.objectContaining({ id: both.id, name: both.name })]);
      }
      const sorted = await ctx.http().get('/api/villages').query({ districtId: district.id }).expect(200);
      // 'Abai' (English, the only text) sorts before 'Ақшұқыр' (Kazakh, picked before the others).
      expect((sorted.body.items as { id: string }[]).map((v) => v.id)).toEqual([english.id, both.id]);
    });

    it('matches % and _ in the search text literally', async () => {
      const percent = await ctx.http().get('/api/villages').query({ search: '%', regionId: west.region }).expect(200);
      expect(names(percent)).toEqual(['100% Kyzylozen_']);
      const underscore = await ctx
        .http()
        .get('/api/villages')
        .query({ search: '_', regionId: west.region })
        .expect(200);
      expect(names(underscore)).toEqual(['100% Kyzylozen_']);
    });

    it('pages with limit and offset', async () => {
      const res = await ctx
        .http()
        .get('/api/villages')
        .query({ regionId: west.region, limit: 2, offset: 1 })
        .expect(200);
      expect(names(res)).toEqual(['Akshukur', 'Bautino']);
      expect(res.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    });

    it('clamps a limit above 100 to 100, and below 1 to 1', async () => {
      const district = await createDistrict(west.region);
      await ctx.dataSource.query(
        `INSERT INTO villages (district_id, name) SELECT $1, jsonb_build_object('ru', 'Bulk ' || lpad(i::text, 3, '0')) FROM generate_series(1, 105) AS i`,
        [district.id],
      );
      const big = await ctx.http().get('/api/villages').query({ districtId: district.id, limit: 1000 }).expect(200);
      expect(big.body).toMatchObject({ total: 105, limit: 100, offset: 0 });
      expect(big.body.items).toHaveLength(100);
      const small = await ctx.http().get('/api/villages').query({ districtId: district.id, limit: 0 }).expect(200);
      expect(small.body).toMatchObject({ total: 105, limit: 1 });
      expect(names(small)).toEqual(['Bulk 001']);
    });
  });

  describe('admin writes', () => {
    it.each(LEVELS)('creates, renames and removes a %s, auditing each change', async (level) => {
      const body = await validBody(level);
      const created = await ctx
        .http()
        .post(PATHS[level])
        .set(admin)
        .send({ ...body, name: ru(`  ${(body.name as LocalizedText).ru}  `), katoCode: '471010000' })
        .expect(201);
      expect(created.body).toEqual({
        ...body,
        id: expect.any(String),
        katoCode: '471010000',
        ...(level === 'village' && { kind: 'village' }),
      });
      const id = created.body.id as string;

      const renamed = ru(`Renamed ${tag()}`);
      const patch =
        level === 'village'
          ? { name: renamed, katoCode: '471010001', kind: 'rural_district' }
          : { name: renamed, katoCode: '471010001' };
      const updated = await ctx.http().patch(`${PATHS[level]}/${id}`).set(admin).send(patch).expect(200);
      expect(updated.body).toEqual({ ...created.body, ...patch });
      const stored = await ctx.dataSource.query(`SELECT name, kato_code FROM ${TABLES[level]} WHERE id = $1`, [id]);
      expect(stored).toEqual([{ name: renamed, kato_code: '471010001' }]);

      await ctx.http().delete(`${PATHS[level]}/${id}`).set(admin).expect(204);
      expect(await ctx.dataSource.query(`SELECT id FROM ${TABLES[level]} WHERE id = $1`, [id])).toEqual([]);

      const events = await auditOf(level, id);
      expect(events.map((e) => e.action)).toEqual([`${level}.created`, `${level}.updated`, `${level}.removed`]);
      expect(events.every((e) => e.actorId === cast.admin.user.id)).toBe(true);
      expect(events[0]).toMatchObject({ before: null, after: { id, name: body.name, katoCode: '471010000' } });
      expect(events[1]).toMatchObject({
        before: { name: body.name },
        after: { name: renamed, katoCode: '471010001' },
      });
      expect(events[2]).toMatchObject({ before: { id, name: renamed }, after: null });
    });

    it('shows every change of a village to an admin at GET /api/audit-events?entityType=village&entityId=...', async () => {
      const tree = await createTree();
      await ctx.http().patch(`/api/villages/${tree.village}`).set(admin).send({ kind: 'rural_district' }).expect(200);
      const res = await ctx
        .http()
        .get('/api/audit-events')
        .query({ entityType: 'village', entityId: tree.village })
        .set(admin)
        .expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          action: 'village.created',
          entityType: 'village',
          entityId: tree.village,
          seq: expect.stringMatching(/^\d+$/),
        }),
        expect.objectContaining({
          action: 'village.updated',
          before: expect.objectContaining({ kind: 'village' }),
          after: expect.objectContaining({ kind: 'rural_district' }),
        }),
      ]);
      const chain = await ctx.http().get('/api/audit-events/verify').set(admin).expect(200);
      expect(chain.body).toMatchObject({ valid: true, firstBreak: null });
    });

    it('clears a KATO code with null', async () => {
      const region = await createRegion({ katoCode: '479000000' });
      const res = await ctx.http().patch(`/api/regions/${region.id}`).set(admin).send({ katoCode: null }).expect(200);
      expect(res.body.katoCode).toBeNull();
    });
  });

  describe('uniqueness and parents', () => {
    it('refuses a duplicate region name with 409 GEOGRAPHY.NAME_TAKEN', async () => {
      const region = await createRegion();
      const before = await snapshot();
      expectError(
        await ctx.http().post('/api/regions').set(admin).send({ name: region.name }),
        409,
        'GEOGRAPHY.NAME_TAKEN',
      );
      expect(await snapshot()).toEqual(before);
    });

    it.each(['district', 'village'] as const)(
      'refuses a duplicate %s name within its parent, allows it under another',
      async (level) => {
        const [first, second] = [await createTree(), await createTree()];
        const parentKey = level === 'district' ? 'regionId' : 'districtId';
        const parentOf = (tree: typeof first) => (level === 'district' ? tree.region : tree.district);
        const name = ru(`Twin ${tag()}`);
        await ctx
          .http()
          .post(PATHS[level])
          .set(admin)
          .send({ name, [parentKey]: parentOf(first) })
          .expect(201);

        const before = await snapshot();
        expectError(
          await ctx
            .http()
            .post(PATHS[level])
            .set(admin)
            .send({ name, [parentKey]: parentOf(first) }),
          409,
          'GEOGRAPHY.NAME_TAKEN',
        );
        expect(await snapshot()).toEqual(before);

        await ctx
          .http()
          .post(PATHS[level])
          .set(admin)
          .send({ name, [parentKey]: parentOf(second) })
          .expect(201);
      },
    );

    it.each(LEVELS)('refuses renaming a %s to a name taken in the same parent', async (level) => {
      const tree = await createTree();
      const sibling =
        level === 'region'
          ? await createRegion()
          : level === 'district'
            ? await createDistrict(tree.region)
            : await createVillage(tree.district);
      const res = await ctx.http().patch(`${PATHS[level]}/${tree[level]}`).set(admin).send({ name: sibling.name });
      expectError(res, 409, 'GEOGRAPHY.NAME_TAKEN');
      const [row] = await ctx.dataSource.query(`SELECT name FROM ${TABLES[level]} WHERE id = $1`, [tree[level]]);
      expect(row.name).not.toBe(sibling.name);
    });

    it.each(LEVELS)('refuses a KATO code another %s has with 409 GEOGRAPHY.KATO_TAKEN', async (level) => {
      const kato = String(Math.floor(100_000_000 + Math.random() * 899_999_999));
      const body = await validBody(level);
      await ctx
        .http()
        .post(PATHS[level])
        .set(admin)
        .send({ ...body, katoCode: kato })
        .expect(201);
      const twin = { ...(await validBody(level)), katoCode: kato };
      const before = await snapshot();
      expectError(await ctx.http().post(PATHS[level]).set(admin).send(twin), 409, 'GEOGRAPHY.KATO_TAKEN');
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['/api/districts', 'regionId'],
      ['/api/villages', 'districtId'],
    ])('POST %s with an unknown parent is 422 GEOGRAPHY.PARENT_NOT_FOUND', async (path, parentKey) => {
      const before = await snapshot();
      const res = await ctx
        .http()
        .post(path)
        .set(admin)
        .send({ name: ru(`Orphan ${tag()}`), [parentKey]: randomUUID() });
      expectError(res, 422, 'GEOGRAPHY.PARENT_NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('removing places still in use', () => {
    it.each([
      ['region', 'district'],
      ['district', 'village'],
    ] as const)(
      'refuses to remove a %s that has a %s: 409 DATABASE.REFERENCE_IN_USE, and it still exists',
      async (level, _child) => {
        const tree = await createTree();
        const before = await snapshot();
        expectError(
          await ctx.http().delete(`${PATHS[level]}/${tree[level]}`).set(admin),
          409,
          'DATABASE.REFERENCE_IN_USE',
        );
        expect(await snapshot()).toEqual(before);
        expect(await ctx.dataSource.query(`SELECT id FROM ${TABLES[level]} WHERE id = $1`, [tree[level]])).toEqual([
          { id: tree[level] },
        ]);
        expect((await auditOf(level, tree[level])).map((e) => e.action)).toEqual([`${level}.created`]);
      },
    );

    it('keeps a region that has districts in the public list', async () => {
      const tree = await createTree();
      await ctx.http().delete(`/api/regions/${tree.region}`).set(admin).expect(409);
      const res = await ctx.http().get('/api/regions').query({ limit: 100 }).expect(200);
      expect((res.body.items as { id: string }[]).map((r) => r.id)).toContain(tree.region);
    });

    it('refuses to remove a village that has a plan', async () => {
      const places = await createPlaces(ctx, cast.admin.user.id, 1);
      const villageId = places.villageIds[0];
      await createAdoptedPlan(ctx, cast.admin.user.id, villageId);
      expectError(await ctx.http().delete(`/api/villages/${villageId}`).set(admin), 409, 'DATABASE.REFERENCE_IN_USE');
      await ctx.http().get(`/api/villages/${villageId}`).expect(200);
    });
  });

  describe('refused requests', () => {
    /** Every admin route, with a body that would succeed for an admin. */
    const adminRoutes = async () => {
      const tree = await createTree();
      return [
        ['POST', '/api/regions', { name: ru(`R ${tag()}`) }],
        ['PATCH', `/api/regions/${tree.region}`, { name: ru(`R ${tag()}`) }],
        ['DELETE', `/api/regions/${tree.region}`, undefined],
        ['POST', '/api/districts', { name: ru(`D ${tag()}`), regionId: tree.region }],
        ['PATCH', `/api/districts/${tree.district}`, { name: ru(`D ${tag()}`) }],
        ['DELETE', `/api/districts/${tree.district}`, undefined],
        ['POST', '/api/villages', { name: ru(`V ${tag()}`), districtId: tree.district }],
        ['PATCH', `/api/villages/${tree.village}`, { name: ru(`V ${tag()}`) }],
        ['DELETE', `/api/villages/${tree.village}`, undefined],
      ] as const;
    };

    const send = (
      method: 'POST' | 'PATCH' | 'DELETE',
      path: string,
      body: object | undefined,
      headers: Record<string, string>,
    ) => {
      const req =
        method === 'POST'
          ? ctx.http().post(path)
          : method === 'PATCH'
            ? ctx.http().patch(path)
            : ctx.http().delete(path);
      return body === undefined ? req.set(headers) : req.set(headers).send(body);
    };

    it.each([
      ['no token', () => ({}), 401, 'AUTH.UNAUTHENTICATED'],
      ['a bad token', () => ({ Authorization: 'Bearer not.a.token' }), 401, 'AUTH.UNAUTHENTICATED'],
      ['a manager', () => cast.manager.auth, 403, 'AUTH.FORBIDDEN'],
      ['an applicant', () => cast.applicant.auth, 403, 'AUTH.FORBIDDEN'],
      ['an observer', () => cast.observer.auth, 403, 'AUTH.FORBIDDEN'],
    ])('refuses every admin route for %s, changing nothing', async (_who, headers, status, code) => {
      const routes = await adminRoutes();
      const before = await snapshot();
      for (const [method, path, body] of routes) {
        const res = await send(method, path, body, headers());
        expect({ route: `${method} ${path}`, status: res.status, code: res.body.code }).toEqual({
          route: `${method} ${path}`,
          status,
          code,
        });
      }
      expect(await snapshot()).toEqual(before);
    });

    it.each(LEVELS)('answers 400 REQUEST.INVALID_ID for a malformed %s id in the path', async (level) => {
      const before = await snapshot();
      expectError(
        await ctx
          .http()
          .patch(`${PATHS[level]}/12345`)
          .set(admin)
          .send({ name: ru('X') }),
        400,
        'REQUEST.INVALID_ID',
      );
      expectError(await ctx.http().delete(`${PATHS[level]}/12345`).set(admin), 400, 'REQUEST.INVALID_ID');
      expect(await snapshot()).toEqual(before);
    });

    it.each(LEVELS)('answers 404 for an unknown %s on PATCH and DELETE', async (level) => {
      const before = await snapshot();
      expectError(
        await ctx
          .http()
          .patch(`${PATHS[level]}/${randomUUID()}`)
          .set(admin)
          .send({ name: ru('X') }),
        404,
        NOT_FOUND[level],
      );
      expectError(await ctx.http().delete(`${PATHS[level]}/${randomUUID()}`).set(admin), 404, NOT_FOUND[level]);
      expect(await snapshot()).toEqual(before);
    });

    const createCases: [Level, string, (body: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ['region', 'an unknown field', (b) => ({ ...b, population: 1200 }), 'population'],
      ['region', 'a missing name', ({ name: _name, ...b }) => b, 'name'],
      ['region', 'a name that is a number', (b) => ({ ...b, name: 42 }), 'name'],
      ['region', 'a blank name', (b) => ({ ...b, name: ru('   ') }), 'name.ru'],
      ['region', 'a name too long', (b) => ({ ...b, name: ru('x'.repeat(201)) }), 'name.ru'],
      ['region', 'an empty translations object', (b) => ({ ...b, name: {} }), 'name'],
      ['region', 'an unknown language', (b) => ({ ...b, name: { xx: 'Aqtau' } }), 'name.xx'],
      ['region', 'a language that is not a string', (b) => ({ ...b, name: { kk: 7 } }), 'name.kk'],
      ['region', 'a plain string', (b) => ({ ...b, name: 'Aqtau' }), 'name'],
      ['region', 'a KATO code that is not 9 digits', (b) => ({ ...b, katoCode: '12345' }), 'katoCode'],
      ['district', 'a missing regionId', ({ regionId: _r, ...b }) => b, 'regionId'],
      ['district', 'a regionId that is not a UUID', (b) => ({ ...b, regionId: 'mangistau' }), 'regionId'],
      ['district', 'an unknown field', (b) => ({ ...b, districtId: randomUUID() }), 'districtId'],
      ['village', 'a missing districtId', ({ districtId: _d, ...b }) => b, 'districtId'],
      ['village', 'a districtId that is a number', (b) => ({ ...b, districtId: 7 }), 'districtId'],
      ['village', 'an unknown kind', (b) => ({ ...b, kind: 'city' }), 'kind'],
      ['village', 'an unknown field', (b) => ({ ...b, regionId: randomUUID() }), 'regionId'],
    ];
    it.each(createCases)('POST a %s with %s is 400 and creates nothing', async (level, _case, mutate, field) => {
      const body = mutate(await validBody(level));
      const before = await snapshot();
      expectError(await ctx.http().post(PATHS[level]).set(admin).send(body), 400, 'REQUEST.VALIDATION_FAILED', field);
      expect(await snapshot()).toEqual(before);
    });

    const updateCases: [Level, string, Record<string, unknown>, string][] = [
      ['region', 'an unknown field', { regionId: randomUUID() }, 'regionId'],
      ['region', 'a name that is a number', { name: 1 }, 'name'],
      ['region', 'a null name', { name: null }, 'name'],
      ['district', 'a move to another region', { regionId: randomUUID() }, 'regionId'],
      ['district', 'a bad KATO code', { katoCode: 471010000 }, 'katoCode'],
      ['village', 'a move to another district', { districtId: randomUUID() }, 'districtId'],
      ['village', 'an unknown kind', { kind: 'town' }, 'kind'],
      ['village', 'a null kind', { kind: null }, 'kind'],
      ['village', 'a blank name', { name: ru('') }, 'name.ru'],
    ];
    it.each(updateCases)('PATCH a %s with %s is 400 and changes nothing', async (level, _case, body, field) => {
      const tree = await createTree();
      const [before] = await ctx.dataSource.query(`SELECT * FROM ${TABLES[level]} WHERE id = $1`, [tree[level]]);
      const auditBefore = await count('audit_events');
      expectError(
        await ctx.http().patch(`${PATHS[level]}/${tree[level]}`).set(admin).send(body),
        400,
        'REQUEST.VALIDATION_FAILED',
        field,
      );
      expect(await ctx.dataSource.query(`SELECT * FROM ${TABLES[level]} WHERE id = $1`, [tree[level]])).toEqual([
        before,
      ]);
      expect(await count('audit_events')).toBe(auditBefore);
    });

    it('POST a village with a null kind is 400, not a database error', async () => {
      const body = await validBody('village');
      const before = await snapshot();
      expectError(
        await ctx
          .http()
          .post('/api/villages')
          .set(admin)
          .send({ ...body, kind: null }),
        400,
        'REQUEST.VALIDATION_FAILED',
        'kind',
      );
      expect(await snapshot()).toEqual(before);
    });
  });
});
