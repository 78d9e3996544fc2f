import { LocalizedText } from '../src/common/i18n/localized-text';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  Cast,
  competitionCode,
  createAdoptedPlan,
  createCast,
  createPlaces,
  Places,
  TestUser,
} from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';
import { AuditBody, auditOf as auditOfEntity, countRows, expectError } from './helpers/assertions';

const DAY = 24 * 3600 * 1000;
const at = (offsetMs: number): string => new Date(Date.now() + offsetMs).toISOString();

interface CompetitionBody {
  id: string;
  title: LocalizedText;
  status: string;
  budget: string;
  minAward: string;
  maxAward: string;
  opensAt: string;
  closesAt: string;
  rulesFrozen: boolean;
  openedAt: string | null;
  closedAt: string | null;
  eligibleVillageIds: string[];
  eligibleDistrictIds: string[];
  envelopes: { districtId: string | null; villageId: string | null; amount: string }[];
}

/** The names of the offending fields of a 400 or 422 answer. */
const fieldsOf = (res: Response): string[] => (res.body.details.fields as { field: string }[]).map((f) => f.field);

/** A title given in Kazakh only: it comes back as given, nothing filled in. */
const kk = (text: string): LocalizedText => ({ kk: text });

describe('competitions', () => {
  let ctx: TestContext;
  let cast: Cast;
  /** Village 0 has an adopted plan, village 1 has none. */
  let planned: Places;
  /** Its only village has no adopted plan. */
  let unplanned: Places;
  /** Its only village has an adopted plan; used for eligibility by whole district. */
  let district: Places;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    planned = await createPlaces(ctx, cast.admin.user.id, 2);
    unplanned = await createPlaces(ctx, cast.admin.user.id, 1);
    district = await createPlaces(ctx, cast.admin.user.id, 1);
    await createAdoptedPlan(ctx, cast.admin.user.id, planned.villageIds[0]);
    await createAdoptedPlan(ctx, cast.admin.user.id, district.villageIds[0]);
  });

  afterAll(async () => {
    await ctx.close();
  });

  function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      code: competitionCode(),
      title: kk('Start Up Mangistau 2026'),
      description: { ru: 'Малые гранты сельским предпринимателям' },
      budget: '1000000000',
      minAward: '10000000',
      maxAward: '300000000',
      minOwnShareBp: 2000,
      maxApplicationsPerApplicant: 1,
      opensAt: at(-DAY),
      closesAt: at(30 * DAY),
      eligibleVillageIds: [planned.villageIds[0], planned.villageIds[1]],
      ...overrides,
    };
  }

  const post = (path: string, body: object = {}, who: TestUser = cast.manager) =>
    ctx.http().post(path).set(who.auth).send(body);
  const patch = (id: string, body: object, who: TestUser = cast.manager) =>
    ctx.http().patch(`/api/competitions/${id}`).set(who.auth).send(body);
  const open = (id: string, who: TestUser = cast.manager) =>
    ctx.http().post(`/api/competitions/${id}/open`).set(who.auth);
  const close = (id: string, who: TestUser = cast.manager) =>
    ctx.http().post(`/api/competitions/${id}/close`).set(who.auth);

  async function createDraft(overrides: Record<string, unknown> = {}): Promise<CompetitionBody> {
    const res = await post('/api/competitions', input(overrides));
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    return res.body as CompetitionBody;
  }

  async function createOpen(overrides: Record<string, unknown> = {}): Promise<CompetitionBody> {
    const draft = await createDraft(overrides);
    const res = await open(draft.id).expect(200);
    return res.body as CompetitionBody;
  }

  async function stored(id: string): Promise<CompetitionBody> {
    return (await ctx.http().get(`/api/competitions/${id}`).set(cast.manager.auth).expect(200)).body as CompetitionBody;
  }

  const auditOf = (id: string): Promise<AuditBody[]> => auditOfEntity(ctx, 'competition', id, cast.observer.auth);

  async function countCompetitions(): Promise<number> {
    const [row] = (await ctx.dataSource.query('SELECT count(*)::int AS n FROM competitions')) as { n: number }[];
    return row.n;
  }

  describe('POST /api/competitions', () => {
    it('creates a draft with money as integer strings, and audits it with the actor', async () => {
      const envelope = { villageId: planned.villageIds[0], amount: '500000000' };
      const body = input({ budget: 1000000000, envelopes: [envelope] });
      const res = await post('/api/competitions', body).expect(201);
      const sortedVillages = [...planned.villageIds].sort();
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code: body.code,
        title: kk('Start Up Mangistau 2026'),
        description: { ru: 'Малые гранты сельским предпринимателям' },
        currency: 'KZT',
        budget: '1000000000',
        minAward: '10000000',
        maxAward: '300000000',
        minOwnShareBp: 2000,
        maxApplicationsPerApplicant: 1,
        opensAt: expect.any(String),
        closesAt: expect.any(String),
        status: 'draft',
        rulesFrozen: false,
        openedAt: null,
        closedAt: null,
        eligibleVillageIds: sortedVillages,
        eligibleDistrictIds: [],
        envelopes: [{ districtId: null, villageId: planned.villageIds[0], amount: '500000000' }],
        awardRules: {
          trancheTemplate: [
            {
              label: { kk: 'Шартқа қол қойылғанда', ru: 'При подписании договора', en: 'On signing' },
              shareBp: 5000,
              reportRequired: false,
              dueDays: null,
            },
            {
              label: { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' },
              shareBp: 3000,
              reportRequired: true,
              dueDays: 180,
            },
            {
              label: { kk: 'Қорытынды есеп', ru: 'Итоговый отчёт', en: 'Final report' },
              shareBp: 2000,
              reportRequired: true,
              dueDays: 365,
            },
          ],
          floors: [],
          partialMinShareBp: null,
          acceptanceDays: 14,
        },
      });
      await expect(stored(res.body.id as string)).resolves.toEqual(res.body);
      const events = await auditOf(res.body.id as string);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'competition.created',
        actorId: cast.manager.user.id,
        before: null,
        after: { status: 'draft', budget: '1000000000', maxAward: '300000000', eligibleVillageIds: sortedVillages },
      });
    });

    it('takes its award rules (tranche template, floors, partial funding, acceptance period), checked as a whole', async () => {
      const awardRules = {
        trancheTemplate: [
          { label: { en: 'On signing' }, shareBp: 7000, reportRequired: false },
          { label: { en: 'Final report' }, shareBp: 3000, reportRequired: true, dueDays: 300 },
        ],
        floors: [{ districtId: planned.districtId, grants: 1 }],
        partialMinShareBp: 5000,
        acceptanceDays: 10,
      };
      const res = await post('/api/competitions', input({ awardRules })).expect(201);
      expect(res.body.awardRules).toEqual({
        ...awardRules,
        trancheTemplate: [{ ...awardRules.trancheTemplate[0], dueDays: null }, awardRules.trancheTemplate[1]],
      });
      const before = await countRows(ctx, 'competitions');
      const uneven = await post(
        '/api/competitions',
        input({
          awardRules: {
            ...awardRules,
            trancheTemplate: [{ label: { en: 'All' }, shareBp: 9000, reportRequired: false }],
          },
        }),
      );
      expectError(uneven, 422, 'COMPETITION.INVALID_RULES', 'awardRules.trancheTemplate');
      const undated = await post(
        '/api/competitions',
        input({
          awardRules: {
            ...awardRules,
            trancheTemplate: [{ label: { en: 'Report' }, shareBp: 10000, reportRequired: true }],
          },
        }),
      );
      expectError(undated, 422, 'COMPETITION.INVALID_RULES', 'awardRules.trancheTemplate.0.dueDays');
      for (const bad of [
        { trancheTemplate: [] },
        { ...awardRules, acceptanceDays: 0 },
        { ...awardRules, partialMinShareBp: 1.5 },
        { ...awardRules, extra: 1 },
      ]) {
        expect((await post('/api/competitions', input({ awardRules: bad }))).status).toBe(400);
      }
      expect(await countRows(ctx, 'competitions')).toBe(before);
    });

    it('keeps opensAt and closesAt as the same instants whatever offset they were sent with', async () => {
      const created = await createDraft({ opensAt: '2030-03-01T10:00:00+05:00', closesAt: '2030-04-01T00:00:00.000Z' });
      expect(created.opensAt).toBe('2030-03-01T05:00:00.000Z');
      expect(created.closesAt).toBe('2030-04-01T00:00:00.000Z');
    });

    const badInputs: [string, Record<string, unknown>, string[]][] = [
      ['unknown top-level fields', { colour: 'red', status: 'open' }, ['colour', 'status']],
      ['money as a float', { budget: 1.5 }, ['budget']],
      ['money as a negative number', { minAward: -5 }, ['minAward']],
      ['money as a negative string', { minAward: '-5' }, ['minAward']],
      ['money with letters', { maxAward: '12abc' }, ['maxAward']],
      ['money as a decimal string', { maxAward: '1.50' }, ['maxAward']],
      ['money of 16 digits', { budget: '1234567890123456' }, ['budget']],
      ['money above the safe integer range as a number', { budget: 2 ** 60 }, ['budget']],
      ['a date without an offset', { opensAt: '2030-12-01T00:00:00' }, ['opensAt']],
      ['a date only', { closesAt: '2030-12-01' }, ['closesAt']],
      ['a date as a number', { closesAt: 1893456000000 }, ['closesAt']],
      ['non-UUID eligible village ids', { eligibleVillageIds: ['not-a-uuid'] }, ['eligibleVillageIds']],
      ['non-UUID eligible district ids', { eligibleDistrictIds: [42] }, ['eligibleDistrictIds']],
      [
        'one village id written in two cases',
        { eligibleVillageIds: ['8c0c6a4e-5a4b-4c1e-9d2a-0f1e2d3c4b5a', '8C0C6A4E-5A4B-4C1E-9D2A-0F1E2D3C4B5A'] },
        ['eligibleVillageIds'],
      ],
      ['a missing title and budget', { title: undefined, budget: undefined }, ['title', 'budget']],
      ['an empty title', { title: {} }, ['title']],
      ['a title in an unknown language', { title: { xx: 'Start Up' } }, ['title', 'title.xx']],
      ['a title in a known and an unknown language', { title: { kk: 'Start Up', de: 'Start Up' } }, ['title.de']],
      ['a title that is not a string', { title: { kk: 42 } }, ['title.kk']],
      ['a blank title', { title: { ru: '   ' } }, ['title.ru']],
      ['a title as a plain string', { title: 'Start Up' }, ['title']],
      ['a description too long', { description: { en: 'x'.repeat(20001) } }, ['description.en']],
      ['a share above 100%', { minOwnShareBp: 10001 }, ['minOwnShareBp']],
      ['a currency other than KZT', { currency: 'USD' }, ['currency']],
      [
        'an envelope amount as a float',
        { envelopes: [{ villageId: randomUUID(), amount: 1.5 }] },
        ['envelopes.0.amount'],
      ],
      [
        'bad fields inside the second envelope',
        {
          envelopes: [
            { villageId: randomUUID(), amount: '1' },
            { villageId: 'x', amount: '12abc', extra: true },
          ],
        },
        ['envelopes.1.villageId', 'envelopes.1.amount', 'envelopes.1.extra'],
      ],
      ['envelopes that are not objects', { envelopes: ['500'] }, ['envelopes.0']],
    ];

    it.each(badInputs)(
      'refuses %s with 400 naming the fields, and stores nothing',
      async (_name, overrides, fields) => {
        const before = await countCompetitions();
        const res = await post('/api/competitions', input(overrides)).expect(400);
        expect(res.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', message: expect.any(String) });
        expect(fieldsOf(res).sort()).toEqual([...fields].sort());
        await expect(countCompetitions()).resolves.toBe(before);
      },
    );

    it('accepts the largest 15-digit amount', async () => {
      const created = await createDraft({ budget: '999999999999999', maxAward: '999999999999999' });
      expect(created.budget).toBe('999999999999999');
    });

    const inconsistentRules: [string, () => Record<string, unknown>, string[]][] = [
      ['minAward above maxAward', () => ({ minAward: '300000001' }), ['maxAward']],
      ['maxAward above the budget', () => ({ maxAward: '1000000001' }), ['maxAward']],
      [
        'closesAt equal to opensAt',
        () => ({ opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-01-01T05:00:00+05:00' }),
        ['closesAt'],
      ],
      ['closesAt before opensAt', () => ({ opensAt: at(10 * DAY), closesAt: at(5 * DAY) }), ['closesAt']],
      ['a zero budget', () => ({ budget: '0', minAward: '0', maxAward: '0' }), ['budget', 'minAward']],
      [
        'an envelope above the budget',
        () => ({ envelopes: [{ villageId: planned.villageIds[0], amount: '1000000001' }] }),
        ['envelopes.0.amount'],
      ],
      [
        'an envelope of zero',
        () => ({ envelopes: [{ villageId: planned.villageIds[0], amount: '0' }] }),
        ['envelopes.0.amount'],
      ],
      [
        'a village envelope for a village that is not eligible',
        () => ({
          eligibleVillageIds: [planned.villageIds[0]],
          envelopes: [{ villageId: planned.villageIds[1], amount: '100' }],
        }),
        ['envelopes.0.villageId'],
      ],
      [
        'a district envelope for a district not in eligibleDistrictIds',
        () => ({ envelopes: [{ districtId: planned.districtId, amount: '100' }] }),
        ['envelopes.0.districtId'],
      ],
      [
        'an envelope naming both a district and a village',
        () => ({
          eligibleDistrictIds: [planned.districtId],
          envelopes: [{ districtId: planned.districtId, villageId: planned.villageIds[0], amount: '100' }],
        }),
        ['envelopes.0'],
      ],
      [
        'an envelope naming neither a district nor a village',
        () => ({ envelopes: [{ amount: '100' }] }),
        ['envelopes.0'],
      ],
      [
        'two envelopes for one village',
        () => ({
          envelopes: [
            { villageId: planned.villageIds[0], amount: '100' },
            { villageId: planned.villageIds[0], amount: '200' },
          ],
        }),
        ['envelopes.1'],
      ],
    ];

    it.each(inconsistentRules)(
      'refuses %s with 422 COMPETITION.INVALID_RULES naming the fields',
      async (_name, overrides, fields) => {
        const before = await countCompetitions();
        const res = await post('/api/competitions', input(overrides())).expect(422);
        expect(res.body.code).toBe('COMPETITION.INVALID_RULES');
        expect(fieldsOf(res).sort()).toEqual([...fields].sort());
        await expect(countCompetitions()).resolves.toBe(before);
      },
    );

    it('accepts a district envelope when the district is eligible, and a village envelope for a village of an eligible district', async () => {
      const created = await createDraft({
        eligibleVillageIds: [],
        eligibleDistrictIds: [district.districtId],
        envelopes: [
          { districtId: district.districtId, amount: '600000000' },
          { villageId: district.villageIds[0], amount: '400000000' },
        ],
      });
      expect(created.eligibleDistrictIds).toEqual([district.districtId]);
      expect(created.envelopes).toHaveLength(2);
    });

    it.each([
      ['an unknown eligible village', () => ({ eligibleVillageIds: [planned.villageIds[0], randomUUID()] })],
      ['an unknown eligible district', () => ({ eligibleDistrictIds: [randomUUID()] })],
    ])('refuses %s with 422 COMPETITION.PLACE_NOT_FOUND', async (_name, overrides) => {
      const before = await countCompetitions();
      const res = await post('/api/competitions', input(overrides())).expect(422);
      expect(res.body.code).toBe('COMPETITION.PLACE_NOT_FOUND');
      await expect(countCompetitions()).resolves.toBe(before);
    });

    it.each(['applicant', 'juror', 'finance', 'observer', 'admin'] as const)(
      'refuses the %s role with 403',
      async (role) => {
        const before = await countCompetitions();
        const res = await post('/api/competitions', input(), cast[role]).expect(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
        await expect(countCompetitions()).resolves.toBe(before);
      },
    );
  });

  describe('authentication', () => {
    const id = randomUUID();
    const routes: [string, 'get' | 'post' | 'patch', string][] = [
      ['list', 'get', '/api/competitions'],
      ['read', 'get', `/api/competitions/${id}`],
      ['create', 'post', '/api/competitions'],
      ['edit', 'patch', `/api/competitions/${id}`],
      ['open', 'post', `/api/competitions/${id}/open`],
      ['close', 'post', `/api/competitions/${id}/close`],
    ];

    it.each(routes)('refuses %s without a token, or with a bad one, with 401', async (_name, method, path) => {
      const res = await ctx.http()[method](path).send({}).expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
      const forged = await ctx.http()[method](path).set('Authorization', 'Bearer not.a.token').send({}).expect(401);
      expect(forged.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('answers the public routes without a token', async () => {
      await ctx.http().get('/api/public/competitions').expect(200);
      const res = await ctx.http().get(`/api/public/competitions/${id}`).expect(404);
      expect(res.body.code).toBe('COMPETITION.NOT_FOUND');
    });
  });

  describe('GET /api/competitions', () => {
    it('lets managers, admins and observers read every competition, drafts included', async () => {
      const draft = await createDraft({ title: kk('Listed draft') });
      for (const who of [cast.manager, cast.admin, cast.observer]) {
        const list = await ctx.http().get('/api/competitions').query({ limit: 100 }).set(who.auth).expect(200);
        expect(list.body).toMatchObject({ total: expect.any(Number), limit: 100, offset: 0 });
        expect((list.body.items as CompetitionBody[]).map((c) => c.id)).toContain(draft.id);
        const one = await ctx.http().get(`/api/competitions/${draft.id}`).set(who.auth).expect(200);
        expect(one.body).toMatchObject({ id: draft.id, status: 'draft', budget: '1000000000' });
      }
    });

    it('filters by status and pages', async () => {
      const opened = await createOpen({ title: kk('Listed open') });
      const res = await ctx
        .http()
        .get('/api/competitions')
        .query({ status: 'open', limit: 100 })
        .set(cast.observer.auth)
        .expect(200);
      const items = res.body.items as CompetitionBody[];
      expect(items.map((c) => c.id)).toContain(opened.id);
      expect(items.every((c) => c.status === 'open')).toBe(true);
      const page = await ctx
        .http()
        .get('/api/competitions')
        .query({ limit: 1, offset: 1 })
        .set(cast.observer.auth)
        .expect(200);
      expect(page.body).toMatchObject({ limit: 1, offset: 1 });
      expect(page.body.items).toHaveLength(1);
      const bad = await ctx
        .http()
        .get('/api/competitions')
        .query({ status: 'bogus', offset: -1 })
        .set(cast.observer.auth)
        .expect(400);
      expect(fieldsOf(bad).sort()).toEqual(['offset', 'status']);
    });

    it.each(['applicant', 'juror', 'finance'] as const)('refuses the %s role with 403', async (role) => {
      await ctx.http().get('/api/competitions').set(cast[role].auth).expect(403);
      await ctx.http().get(`/api/competitions/${randomUUID()}`).set(cast[role].auth).expect(403);
    });

    it('answers 404 COMPETITION.NOT_FOUND for an unknown id and 400 REQUEST.INVALID_ID for a malformed one', async () => {
      const missing = await ctx.http().get(`/api/competitions/${randomUUID()}`).set(cast.manager.auth).expect(404);
      expect(missing.body).toEqual({ code: 'COMPETITION.NOT_FOUND', message: expect.any(String), details: {} });
      const malformed = await ctx.http().get('/api/competitions/not-a-uuid').set(cast.manager.auth).expect(400);
      expect(malformed.body.code).toBe('REQUEST.INVALID_ID');
    });
  });

  describe('PATCH /api/competitions/:id', () => {
    it('edits a draft, replaces the lists, and audits the change with the actor, before and after', async () => {
      const draft = await createDraft();
      const res = await patch(
        draft.id,
        {
          title: kk('  Renamed  '),
          maxAward: 250000000,
          eligibleVillageIds: [planned.villageIds[0]],
          envelopes: [{ villageId: planned.villageIds[0], amount: '1000' }],
        },
        cast.manager2,
      ).expect(200);
      expect(res.body).toMatchObject({
        id: draft.id,
        title: kk('Renamed'),
        maxAward: '250000000',
        budget: '1000000000',
        status: 'draft',
        eligibleVillageIds: [planned.villageIds[0]],
        envelopes: [{ districtId: null, villageId: planned.villageIds[0], amount: '1000' }],
      });
      await expect(stored(draft.id)).resolves.toEqual(res.body);
      const events = await auditOf(draft.id);
      expect(events.map((e) => e.action)).toEqual(['competition.created', 'competition.updated']);
      expect(events[1]).toMatchObject({
        actorId: cast.manager2.user.id,
        before: { title: kk('Start Up Mangistau 2026'), maxAward: '300000000' },
        after: { title: kk('Renamed'), maxAward: '250000000', eligibleVillageIds: [planned.villageIds[0]] },
      });
    });

    it('replaces a translations object as a whole, and null clears the description', async () => {
      const draft = await createDraft();
      const res = await patch(draft.id, { title: { ru: 'Только по-русски' }, description: null }).expect(200);
      expect(res.body).toMatchObject({ title: { ru: 'Только по-русски' }, description: null });
    });

    const conflictingPatches: [string, () => Record<string, unknown>, string[]][] = [
      ['minAward above the stored maxAward', () => ({ minAward: '300000001' }), ['maxAward']],
      ['maxAward below the stored minAward', () => ({ maxAward: '9999999' }), ['maxAward']],
      ['maxAward above the stored budget', () => ({ maxAward: '1000000001' }), ['maxAward']],
      ['a budget below the stored maxAward', () => ({ budget: '299999999' }), ['maxAward']],
      ['closesAt before the stored opensAt', () => ({ closesAt: at(-2 * DAY) }), ['closesAt']],
      ['opensAt after the stored closesAt', () => ({ opensAt: at(31 * DAY) }), ['closesAt']],
      [
        'an envelope above the stored budget',
        () => ({ envelopes: [{ villageId: planned.villageIds[0], amount: '1000000001' }] }),
        ['envelopes.0.amount'],
      ],
      [
        'eligibility that drops the village of a stored envelope',
        () => ({ eligibleVillageIds: [planned.villageIds[1]] }),
        ['envelopes.0.villageId'],
      ],
    ];

    it.each(conflictingPatches)(
      'checks %s against the stored rules: 422, nothing changes',
      async (_name, change, fields) => {
        const draft = await createDraft({ envelopes: [{ villageId: planned.villageIds[0], amount: '1000' }] });
        const res = await patch(draft.id, change()).expect(422);
        expect(res.body.code).toBe('COMPETITION.INVALID_RULES');
        expect(fieldsOf(res)).toEqual(fields);
        await expect(stored(draft.id)).resolves.toEqual(draft);
        await expect(auditOf(draft.id)).resolves.toHaveLength(1);
      },
    );

    it.each([
      ['unknown fields', { status: 'open', createdBy: randomUUID() }, ['status', 'createdBy']],
      ['money as a float', { budget: 1.5 }, ['budget']],
      ['a date without an offset', { closesAt: '2030-01-01 00:00' }, ['closesAt']],
      ['non-UUID ids', { eligibleDistrictIds: ['abc'] }, ['eligibleDistrictIds']],
      [
        'a bad nested envelope',
        { envelopes: [{ districtId: 'abc', amount: '-1' }] },
        ['envelopes.0.districtId', 'envelopes.0.amount'],
      ],
      ['null for a required field', { title: null, budget: null, opensAt: null }, ['title', 'budget', 'opensAt']],
      ['null for a field with a default', { minOwnShareBp: null }, ['minOwnShareBp']],
      ['an empty title', { title: {} }, ['title']],
      [
        'a description in an unknown language',
        { description: { fr: 'Subventions' } },
        ['description', 'description.fr'],
      ],
    ])('refuses %s with 400 naming the fields', async (_name, body, fields) => {
      const draft = await createDraft();
      const res = await patch(draft.id, body).expect(400);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(fieldsOf(res).sort()).toEqual([...fields].sort());
      await expect(stored(draft.id)).resolves.toEqual(draft);
    });

    it('refuses an unknown village with 422 COMPETITION.PLACE_NOT_FOUND and keeps the stored list', async () => {
      const draft = await createDraft();
      const res = await patch(draft.id, { eligibleVillageIds: [randomUUID()] }).expect(422);
      expect(res.body.code).toBe('COMPETITION.PLACE_NOT_FOUND');
      await expect(stored(draft.id)).resolves.toEqual(draft);
    });

    it('answers 403 for other roles, 404 for an unknown id and 400 for a malformed one', async () => {
      const draft = await createDraft();
      for (const who of [cast.observer, cast.admin, cast.applicant, cast.juror, cast.finance]) {
        await patch(draft.id, { title: kk('Hijacked') }, who).expect(403);
      }
      await expect(stored(draft.id)).resolves.toEqual(draft);
      const missing = await patch(randomUUID(), { title: kk('x') }).expect(404);
      expect(missing.body.code).toBe('COMPETITION.NOT_FOUND');
      const malformed = await patch('123', { title: kk('x') }).expect(400);
      expect(malformed.body.code).toBe('REQUEST.INVALID_ID');
    });
  });

  describe('POST /api/competitions/:id/open', () => {
    it('opens a ready draft, freezes its rules and audits the frozen rule set', async () => {
      const draft = await createDraft({ envelopes: [{ villageId: planned.villageIds[0], amount: '500000000' }] });
      const res = await open(draft.id).expect(200);
      expect(res.body).toEqual({ ...draft, status: 'open', rulesFrozen: true, openedAt: expect.any(String) });
      const events = await auditOf(draft.id);
      expect(events.map((e) => e.action)).toEqual(['competition.created', 'competition.opened']);
      expect(events[1]).toMatchObject({
        actorId: cast.manager.user.id,
        before: { status: 'draft' },
        after: {
          status: 'open',
          budget: '1000000000',
          minAward: '10000000',
          maxAward: '300000000',
          minOwnShareBp: 2000,
        },
      });
    });

    it('refuses to open when no eligible village has an adopted plan', async () => {
      const draft = await createDraft({ eligibleVillageIds: [planned.villageIds[1], unplanned.villageIds[0]] });
      const res = await open(draft.id).expect(422);
      expect(res.body.code).toBe('COMPETITION.NOT_READY_TO_OPEN');
      expect(fieldsOf(res)).toEqual(['eligibleVillageIds']);
      await expect(stored(draft.id)).resolves.toMatchObject({ status: 'draft', openedAt: null });
    });

    it('refuses to open without eligible places', async () => {
      const draft = await createDraft({ eligibleVillageIds: [] });
      const res = await open(draft.id).expect(422);
      expect(res.body.code).toBe('COMPETITION.NOT_READY_TO_OPEN');
      expect(fieldsOf(res)).toEqual(['eligibleVillageIds']);
      await expect(stored(draft.id)).resolves.toMatchObject({ status: 'draft' });
    });

    it('refuses to open once closesAt has passed', async () => {
      const draft = await createDraft({ opensAt: at(-3 * DAY), closesAt: at(-60_000) });
      const res = await open(draft.id).expect(422);
      expect(res.body.code).toBe('COMPETITION.NOT_READY_TO_OPEN');
      expect(fieldsOf(res)).toEqual(['closesAt']);
      await expect(stored(draft.id)).resolves.toMatchObject({ status: 'draft' });
      await expect(auditOf(draft.id)).resolves.toHaveLength(1);
    });

    it('opens a draft whose opensAt is still ahead', async () => {
      const draft = await createDraft({ opensAt: at(2 * DAY), closesAt: at(9 * DAY) });
      await open(draft.id).expect(200);
    });

    it('counts every village of an eligible district, and freezes that list when it opens', async () => {
      const byDistrict = await createDraft({ eligibleVillageIds: [], eligibleDistrictIds: [district.districtId] });
      const res = await open(byDistrict.id).expect(200);
      expect(res.body).toMatchObject({
        status: 'open',
        eligibleVillageIds: [district.villageIds[0]],
        eligibleDistrictIds: [district.districtId],
      });
      const opened = (await auditOf(byDistrict.id)).find((e) => e.action === 'competition.opened');
      expect(opened?.after).toMatchObject({ eligibleVillageIds: [district.villageIds[0]] });
      const late = await ctx
        .http()
        .post('/api/villages')
        .set(cast.admin.auth)
        .send({ districtId: district.districtId, name: { en: 'Founded after opening' } })
        .expect(201);
      const after = await ctx.http().get(`/api/competitions/${byDistrict.id}`).set(cast.manager.auth).expect(200);
      expect(after.body.eligibleVillageIds).toEqual([district.villageIds[0]]);
      expect(after.body.eligibleVillageIds).not.toContain(late.body.id);
      const withoutPlans = await createDraft({ eligibleVillageIds: [], eligibleDistrictIds: [unplanned.districtId] });
      const refused = await open(withoutPlans.id).expect(422);
      expect(refused.body.code).toBe('COMPETITION.NOT_READY_TO_OPEN');
    });

    it('freezes the rules: a PATCH after opening is 409 COMPETITION.RULES_FROZEN and changes nothing', async () => {
      const opened = await createOpen();
      for (const change of [
        { maxAward: '200000000' },
        { title: kk('New title') },
        { eligibleVillageIds: [planned.villageIds[1]] },
        { envelopes: [] },
      ]) {
        const res = await patch(opened.id, change).expect(409);
        expect(res.body.code).toBe('COMPETITION.RULES_FROZEN');
      }
      await expect(stored(opened.id)).resolves.toEqual(opened);
      await expect(auditOf(opened.id)).resolves.toHaveLength(2);
    });

    it('refuses to open twice with 409 COMPETITION.WRONG_STATUS', async () => {
      const opened = await createOpen();
      const res = await open(opened.id).expect(409);
      expect(res.body.code).toBe('COMPETITION.WRONG_STATUS');
      await expect(stored(opened.id)).resolves.toEqual(opened);
    });

    it('answers 403 for other roles, 404 for an unknown id and 400 for a malformed one', async () => {
      const draft = await createDraft();
      for (const who of [cast.observer, cast.admin, cast.applicant, cast.juror, cast.finance]) {
        const res = await open(draft.id, who).expect(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
      }
      await expect(stored(draft.id)).resolves.toMatchObject({ status: 'draft' });
      const missing = await open(randomUUID()).expect(404);
      expect(missing.body.code).toBe('COMPETITION.NOT_FOUND');
      const malformed = await open('nope').expect(400);
      expect(malformed.body.code).toBe('REQUEST.INVALID_ID');
    });
  });

  describe('POST /api/competitions/:id/close', () => {
    it('closes an open competition and audits it with the actor', async () => {
      const opened = await createOpen();
      const res = await close(opened.id, cast.manager2).expect(200);
      expect(res.body).toEqual({ ...opened, status: 'closed', closedAt: expect.any(String) });
      const events = await auditOf(opened.id);
      expect(events.map((e) => e.action)).toEqual(['competition.created', 'competition.opened', 'competition.closed']);
      expect(events[2]).toMatchObject({
        actorId: cast.manager2.user.id,
        before: { status: 'open' },
        after: { status: 'closed' },
      });
    });

    it('refuses to close a draft or a closed competition with 409 COMPETITION.WRONG_STATUS', async () => {
      const draft = await createDraft();
      const refused = await close(draft.id).expect(409);
      expect(refused.body.code).toBe('COMPETITION.WRONG_STATUS');
      await expect(stored(draft.id)).resolves.toEqual(draft);
      const opened = await createOpen();
      await close(opened.id).expect(200);
      const again = await close(opened.id).expect(409);
      expect(again.body.code).toBe('COMPETITION.WRONG_STATUS');
      await expect(auditOf(opened.id)).resolves.toHaveLength(3);
    });

    it('refuses to reopen a closed competition', async () => {
      const opened = await createOpen();
      await close(opened.id).expect(200);
      const res = await open(opened.id).expect(409);
      expect(res.body.code).toBe('COMPETITION.WRONG_STATUS');
    });

    it('answers 403 for other roles, 404 for an unknown id and 400 for a malformed one', async () => {
      const opened = await createOpen();
      for (const who of [cast.observer, cast.admin, cast.applicant, cast.juror, cast.finance]) {
        await close(opened.id, who).expect(403);
      }
      await expect(stored(opened.id)).resolves.toMatchObject({ status: 'open' });
      const missing = await close(randomUUID()).expect(404);
      expect(missing.body.code).toBe('COMPETITION.NOT_FOUND');
      const malformed = await close('nope').expect(400);
      expect(malformed.body.code).toBe('REQUEST.INVALID_ID');
    });
  });

  describe('under concurrent requests', () => {
    it('opens a draft exactly once when five opens race', async () => {
      const draft = await createDraft();
      const results = await Promise.all(Array.from({ length: 5 }, () => open(draft.id)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409]);
      for (const refused of results.filter((r) => r.status === 409))
        expect(refused.body.code).toBe('COMPETITION.WRONG_STATUS');
      const events = await auditOf(draft.id);
      expect(events.filter((e) => e.action === 'competition.opened')).toHaveLength(1);
    });

    it('closes an open competition exactly once when five closes race', async () => {
      const opened = await createOpen();
      const results = await Promise.all(Array.from({ length: 5 }, () => close(opened.id)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      const events = await auditOf(opened.id);
      expect(events.filter((e) => e.action === 'competition.closed')).toHaveLength(1);
    });

    it('never leaves a changed rule set on an open competition when PATCHes race the open', async () => {
      for (let round = 0; round < 4; round += 1) {
        const draft = await createDraft();
        const amounts = ['200000000', '210000000', '220000000', '230000000'];
        const requests = amounts.map((maxAward) => patch(draft.id, { maxAward, title: kk(`Race ${maxAward}`) }));
        requests.splice(round, 0, open(draft.id));
        const results = await Promise.all(requests);
        const opening = results[round];
        const patches = results.filter((_r, i) => i !== round);
        expect(opening.status).toBe(200);
        for (const res of patches) {
          expect({ status: res.status, code: res.status === 200 ? undefined : (res.body.code as unknown) }).toEqual(
            res.status === 200 ? { status: 200, code: undefined } : { status: 409, code: 'COMPETITION.RULES_FROZEN' },
          );
        }

        const events = await auditOf(draft.id);
        const openedAt = events.findIndex((e) => e.action === 'competition.opened');
        expect(openedAt).toBeGreaterThan(0);
        expect(events.slice(openedAt + 1)).toEqual([]);
        const accepted = patches.filter((r) => r.status === 200).length;
        expect(events.filter((e) => e.action === 'competition.updated')).toHaveLength(accepted);
        const frozen = events[openedAt].after as { maxAward: string; title: LocalizedText };
        const now = await stored(draft.id);
        expect({ status: now.status, maxAward: now.maxAward, title: now.title }).toEqual({
          status: 'open',
          maxAward: frozen.maxAward,
          title: frozen.title,
        });
        expect(now).toEqual(opening.body);
      }
    });
  });

  describe('public reads', () => {
    let draft: CompetitionBody;
    let opened: CompetitionBody;
    let closed: CompetitionBody;

    beforeAll(async () => {
      draft = await createDraft({ title: kk('Public draft') });
      opened = await createOpen({ title: kk('Public open') });
      closed = await createOpen({ title: kk('Public closed') });
      closed = (await close(closed.id).expect(200)).body as CompetitionBody;
    });

    async function publicIds(
      query: Record<string, string | number> = {},
    ): Promise<{ ids: string[]; statuses: string[] }> {
      const res = await ctx
        .http()
        .get('/api/public/competitions')
        .query({ limit: 100, ...query })
        .expect(200);
      const items = res.body.items as CompetitionBody[];
      return { ids: items.map((c) => c.id), statuses: [...new Set(items.map((c) => c.status))] };
    }

    it('lists only open competitions by default, without a token', async () => {
      const { ids, statuses } = await publicIds();
      expect(ids).toContain(opened.id);
      expect(ids).not.toContain(draft.id);
      expect(ids).not.toContain(closed.id);
      expect(statuses).toEqual(['open']);
    });

    it('lists closed competitions on request, never drafts', async () => {
      const { ids, statuses } = await publicIds({ status: 'closed' });
      expect(ids).toContain(closed.id);
      expect(statuses).toEqual(['closed']);
      const res = await ctx.http().get('/api/public/competitions').query({ status: 'draft' }).expect(400);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['status']);
    });

    it('shows one open or closed competition with its rules, and answers 404 for a draft', async () => {
      const one = await ctx.http().get(`/api/public/competitions/${opened.id}`).expect(200);
      expect(one.body).toEqual(opened);
      await ctx.http().get(`/api/public/competitions/${closed.id}`).expect(200);
      const hidden = await ctx.http().get(`/api/public/competitions/${draft.id}`).expect(404);
      expect(hidden.body.code).toBe('COMPETITION.NOT_FOUND');
      const malformed = await ctx.http().get('/api/public/competitions/xyz').expect(400);
      expect(malformed.body.code).toBe('REQUEST.INVALID_ID');
    });

    it('clamps the page size to 100', async () => {
      await ctx.dataSource.query(
        `INSERT INTO competitions (code, title, budget, min_award, max_award, opens_at, closes_at, status, opened_at, created_by)
         SELECT 'BULK' || n, jsonb_build_object('ru', 'Bulk ' || n), 1000, 1, 10, now() - interval '1 day', now() + interval '30 days', 'open', now(), $1
           FROM generate_series(1, 105) AS n`,
        [cast.manager.user.id],
      );
      const res = await ctx.http().get('/api/public/competitions').query({ limit: 1000 }).expect(200);
      expect(res.body).toMatchObject({ limit: 100, offset: 0, total: expect.any(Number) });
      expect(res.body.items).toHaveLength(100);
      expect(res.body.total).toBeGreaterThan(100);
      const tiny = await ctx.http().get('/api/public/competitions').query({ limit: 0 }).expect(200);
      expect(tiny.body.items).toHaveLength(1);
      const bad = await ctx.http().get('/api/public/competitions').query({ limit: 'ten' }).expect(400);
      expect(fieldsOf(bad)).toEqual(['limit']);
    });
  });

  describe('audit trail', () => {
    it('records created, updated, opened and closed with their actors, in order, on a chain that verifies', async () => {
      const draft = await createDraft();
      await patch(draft.id, { description: { kk: 'Жаңартылды' } }, cast.manager2).expect(200);
      await patch(draft.id, { maxAward: '1' }).expect(422);
      await open(draft.id, cast.manager2).expect(200);
      await patch(draft.id, { title: kk('Too late') }).expect(409);
      await close(draft.id).expect(200);
      const events = await auditOf(draft.id);
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ['competition.created', cast.manager.user.id],
        ['competition.updated', cast.manager2.user.id],
        ['competition.opened', cast.manager2.user.id],
        ['competition.closed', cast.manager.user.id],
      ]);
      const seqs = events.map((e) => BigInt(e.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
      const verified = await ctx.http().get('/api/audit-events/verify').set(cast.admin.auth).expect(200);
      expect(verified.body).toMatchObject({ valid: true, firstBreak: null });
    });
  });
});
