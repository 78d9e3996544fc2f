import { LocalizedText } from '../src/common/i18n/localized-text';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Cast, createCast, createPlaces } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';
import { countRows, expectError } from './helpers/assertions';

interface Goal {
  id: string;
  code: string;
  title: LocalizedText;
  description: LocalizedText | null;
  priority: number;
}
interface Plan {
  id: string;
  villageId: string;
  version: number;
  title: string;
  periodStart: number;
  periodEnd: number;
  status: 'draft' | 'adopted' | 'archived';
  adoptedAt: string | null;
  archivedAt: string | null;
  goals: Goal[];
}

/** Goal texts given in Russian only. */
const ru = (text: string): LocalizedText => ({ ru: text });

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Goals deliberately out of priority order, so ordering is something the server must do. */
const GOALS = [
  { code: 'G3', title: ru('Tourism on the Caspian shore'), priority: 3 },
  { code: 'g1', title: ru('Reliable drinking water'), description: ru('Desalination plant repair'), priority: 1 },
  { code: 'G2', title: ru('Jobs for young people'), priority: 2 },
];

const planBody = (villageId: string, overrides: Record<string, unknown> = {}) => ({
  villageId,
  title: 'Bautino development plan 2026-2030',
  periodStart: 2026,
  periodEnd: 2030,
  goals: GOALS,
  ...overrides,
});

describe('village development plans', () => {
  let ctx: TestContext;
  let cast: Cast;
  let admin: Record<string, string>;

  const count = (table: string): Promise<number> => countRows(ctx, table);

  /** Rows of the plan tables and the audit log: a refused request must leave all of them alone. */
  const snapshot = async () => ({
    plans: await count('development_plans'),
    goals: await count('plan_goals'),
    audit: await count('audit_events'),
  });

  /** The plan as stored, with its goals, to compare before and after a refused request. */
  const stored = async (id: string) => ({
    plan: await ctx.dataSource.query('SELECT * FROM development_plans WHERE id = $1', [id]),
    goals: await ctx.dataSource.query('SELECT * FROM plan_goals WHERE plan_id = $1 ORDER BY code', [id]),
  });

  const statusesOf = async (villageId: string) =>
    (await ctx.dataSource.query(
      'SELECT version, status FROM development_plans WHERE village_id = $1 ORDER BY version',
      [villageId],
    )) as {
      version: number;
      status: string;
    }[];

  const newVillage = async (): Promise<string> => (await createPlaces(ctx, cast.admin.user.id, 1)).villageIds[0];

  const createDraft = async (villageId: string, overrides: Record<string, unknown> = {}): Promise<Plan> =>
    (await ctx.http().post('/api/plans').set(admin).send(planBody(villageId, overrides)).expect(201)).body as Plan;

  const adopt = async (id: string): Promise<Plan> =>
    (await ctx.http().post(`/api/plans/${id}/adopt`).set(admin).expect(200)).body as Plan;

  const auditOf = async (entityId: string) =>
    (
      await ctx
        .http()
        .get('/api/audit-events')
        .query({ entityType: 'development_plan', entityId })
        .set(admin)
        .expect(200)
    ).body.items as {
      action: string;
      actorId: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];

  const expectChainValid = async () => {
    const res = await ctx.http().get('/api/audit-events/verify').set(admin).expect(200);
    expect(res.body).toMatchObject({ valid: true, firstBreak: null });
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    admin = cast.admin.auth;
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('POST /api/plans', () => {
    it('creates a draft version 1 with goals ordered by priority and codes upper-cased', async () => {
      const villageId = await newVillage();
      const res = await ctx.http().post('/api/plans').set(admin).send(planBody(villageId)).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        villageId,
        version: 1,
        title: 'Bautino development plan 2026-2030',
        periodStart: 2026,
        periodEnd: 2030,
        status: 'draft',
        adoptedAt: null,
        archivedAt: null,
        goals: [
          {
            id: expect.stringMatching(UUID),
            code: 'G1',
            title: ru('Reliable drinking water'),
            description: ru('Desalination plant repair'),
            priority: 1,
          },
          {
            id: expect.stringMatching(UUID),
            code: 'G2',
            title: ru('Jobs for young people'),
            description: null,
            priority: 2,
          },
          {
            id: expect.stringMatching(UUID),
            code: 'G3',
            title: ru('Tourism on the Caspian shore'),
            description: null,
            priority: 3,
          },
        ],
      });
      const events = await auditOf(res.body.id);
      expect(events).toEqual([
        expect.objectContaining({ action: 'plan.created', actorId: cast.admin.user.id, before: null }),
      ]);
      expect(events[0].after).toMatchObject({ villageId, version: 1, status: 'draft' });
    });

    it('numbers versions 1, 2, 3 per village, starting again for another village', async () => {
      const [first, second] = [await newVillage(), await newVillage()];
      const versions = [];
      for (let i = 0; i < 3; i += 1) versions.push((await createDraft(first)).version);
      expect(versions).toEqual([1, 2, 3]);
      expect((await createDraft(second)).version).toBe(1);
    });

    it('gives distinct versions to drafts created in parallel', async () => {
      const villageId = await newVillage();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => ctx.http().post('/api/plans').set(admin).send(planBody(villageId))),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(results.map((r) => (r.body as Plan).version).sort()).toEqual([1, 2, 3, 4, 5]);
    });

    it('accepts a one-year plan and a plan without goals', async () => {
      const villageId = await newVillage();
      const res = await ctx
        .http()
        .post('/api/plans')
        .set(admin)
        .send(planBody(villageId, { periodStart: 2027, periodEnd: 2027, goals: [] }))
        .expect(201);
      expect(res.body).toMatchObject({ periodStart: 2027, periodEnd: 2027, goals: [] });
    });

    const invalid: [string, (villageId: string) => Record<string, unknown>, string][] = [
      ['an unknown field', (v) => planBody(v, { status: 'adopted' }), 'status'],
      ['an unknown goal field', (v) => planBody(v, { goals: [{ ...GOALS[0], weight: 5 }] }), 'goals.0.weight'],
      ['a missing title', (v) => ({ ...planBody(v), title: undefined }), 'title'],
      ['a blank title', (v) => planBody(v, { title: '   ' }), 'title'],
      ['a missing villageId', (v) => ({ ...planBody(v), villageId: undefined }), 'villageId'],
      ['a villageId that is not a UUID', () => planBody('bautino'), 'villageId'],
      ['a periodStart that is a string', (v) => planBody(v, { periodStart: '2026' }), 'periodStart'],
      ['a periodEnd that is a fraction', (v) => planBody(v, { periodEnd: 2030.5 }), 'periodEnd'],
      ['a periodStart before 2000', (v) => planBody(v, { periodStart: 1999 }), 'periodStart'],
      ['missing goals', (v) => ({ ...planBody(v), goals: undefined }), 'goals'],
      ['goals that are not a list', (v) => planBody(v, { goals: { code: 'G1' } }), 'goals'],
      [
        'more than 50 goals',
        (v) =>
          planBody(v, { goals: Array.from({ length: 51 }, (_, i) => ({ code: `G${i}`, title: 'T', priority: 1 })) }),
        'goals',
      ],
      [
        'a goal without a priority',
        (v) => planBody(v, { goals: [{ code: 'G1', title: ru('Water') }] }),
        'goals.0.priority',
      ],
      [
        'a goal priority of 0',
        (v) => planBody(v, { goals: [{ code: 'G1', title: ru('Water'), priority: 0 }] }),
        'goals.0.priority',
      ],
      [
        'a goal priority of 100',
        (v) => planBody(v, { goals: [{ code: 'G1', title: ru('Water'), priority: 100 }] }),
        'goals.0.priority',
      ],
      [
        'a goal code with a space',
        (v) => planBody(v, { goals: [{ code: 'G 1', title: ru('Water'), priority: 1 }] }),
        'goals.0.code',
      ],
      [
        'a goal title in no language',
        (v) => planBody(v, { goals: [{ code: 'G1', title: {}, priority: 1 }] }),
        'goals.0.title',
      ],
      [
        'a goal description that is not a string',
        (v) => planBody(v, { goals: [{ code: 'G1', title: ru('Water'), description: { kk: 5 }, priority: 1 }] }),
        'goals.0.description.kk',
      ],
      [
        'a goal without a title',
        (v) => planBody(v, { goals: [GOALS[0], { code: 'G9', priority: 1 }] }),
        'goals.1.title',
      ],
    ];
    it.each(invalid)('refuses %s with 400 and creates nothing', async (_case, body, field) => {
      const villageId = await newVillage();
      const before = await snapshot();
      expectError(
        await ctx.http().post('/api/plans').set(admin).send(body(villageId)),
        400,
        'REQUEST.VALIDATION_FAILED',
        field,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a period that ends before it starts with 400 PLAN.WRONG_PERIOD', async () => {
      const villageId = await newVillage();
      const before = await snapshot();
      const res = await ctx
        .http()
        .post('/api/plans')
        .set(admin)
        .send(planBody(villageId, { periodStart: 2030, periodEnd: 2026 }));
      expectError(res, 400, 'PLAN.WRONG_PERIOD', 'periodEnd');
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['the same code twice', ['G1', 'G1']],
      ['codes that differ only in case', ['G1', 'g1']],
    ])('refuses %s with 422 PLAN.DUPLICATE_GOAL_CODE', async (_case, codes) => {
      const villageId = await newVillage();
      const before = await snapshot();
      const goals = codes.map((code, i) => ({ code, title: ru(`Goal ${i}`), priority: i + 1 }));
      expectError(
        await ctx.http().post('/api/plans').set(admin).send(planBody(villageId, { goals })),
        422,
        'PLAN.DUPLICATE_GOAL_CODE',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an unknown village with 422 PLAN.VILLAGE_NOT_FOUND', async () => {
      const before = await snapshot();
      expectError(
        await ctx.http().post('/api/plans').set(admin).send(planBody(randomUUID())),
        422,
        'PLAN.VILLAGE_NOT_FOUND',
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('PATCH /api/plans/:id', () => {
    it('edits a draft and replaces all its goals', async () => {
      const draft = await createDraft(await newVillage());
      const goals = [
        { code: 'W2', title: ru('Fire prevention'), priority: 5 },
        { code: 'W1', title: ru('Water again'), description: ru('Pipes'), priority: 4 },
      ];
      const res = await ctx
        .http()
        .patch(`/api/plans/${draft.id}`)
        .set(admin)
        .send({ title: 'Revised plan', periodEnd: 2031, goals })
        .expect(200);
      expect(res.body).toEqual({
        ...draft,
        title: 'Revised plan',
        periodEnd: 2031,
        goals: [
          {
            id: expect.stringMatching(UUID),
            code: 'W1',
            title: ru('Water again'),
            description: ru('Pipes'),
            priority: 4,
          },
          { id: expect.stringMatching(UUID), code: 'W2', title: ru('Fire prevention'), description: null, priority: 5 },
        ],
      });
      const rows = await ctx.dataSource.query('SELECT id, code FROM plan_goals WHERE plan_id = $1 ORDER BY code', [
        draft.id,
      ]);
      expect(rows.map((r: { code: string }) => r.code)).toEqual(['W1', 'W2']);
      const oldIds = draft.goals.map((g) => g.id);
      expect(rows.filter((r: { id: string }) => oldIds.includes(r.id))).toEqual([]);
      expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(['plan.created', 'plan.updated']);
    });

    it('keeps the goals when none are given', async () => {
      const draft = await createDraft(await newVillage());
      const res = await ctx
        .http()
        .patch(`/api/plans/${draft.id}`)
        .set(admin)
        .send({ title: 'Only the title' })
        .expect(200);
      expect(res.body).toEqual({ ...draft, title: 'Only the title' });
    });

    it('can empty the goals of a draft', async () => {
      const draft = await createDraft(await newVillage());
      const res = await ctx.http().patch(`/api/plans/${draft.id}`).set(admin).send({ goals: [] }).expect(200);
      expect(res.body.goals).toEqual([]);
    });

    it.each(['adopted', 'archived'] as const)('refuses to edit an %s plan with 409 PLAN.NOT_DRAFT', async (status) => {
      const plan = await adopt((await createDraft(await newVillage())).id);
      if (status === 'archived') await ctx.http().post(`/api/plans/${plan.id}/archive`).set(admin).expect(200);
      const before = await stored(plan.id);
      const auditBefore = await count('audit_events');
      const res = await ctx
        .http()
        .patch(`/api/plans/${plan.id}`)
        .set(admin)
        .send({ title: 'Rewritten history', goals: [] });
      expectError(res, 409, 'PLAN.NOT_DRAFT');
      expect(res.body.details).toEqual({ status });
      expect(await stored(plan.id)).toEqual(before);
      expect(await count('audit_events')).toBe(auditBefore);
    });

    it('refuses duplicate goal codes with 422 and keeps the old title and goals', async () => {
      const draft = await createDraft(await newVillage());
      const before = await stored(draft.id);
      const goals = [
        { code: 'X1', title: ru('One'), priority: 1 },
        { code: 'x1', title: ru('Two'), priority: 2 },
      ];
      expectError(
        await ctx.http().patch(`/api/plans/${draft.id}`).set(admin).send({ title: 'Changed', goals }),
        422,
        'PLAN.DUPLICATE_GOAL_CODE',
      );
      expect(await stored(draft.id)).toEqual(before);
    });

    it.each([
      ['a periodEnd before the stored periodStart', { periodEnd: 2025 }],
      ['a periodStart after the stored periodEnd', { periodStart: 2031 }],
      ['both, reversed', { periodStart: 2030, periodEnd: 2029 }],
    ])('refuses %s with 400 PLAN.WRONG_PERIOD', async (_case, body) => {
      const draft = await createDraft(await newVillage());
      const before = await stored(draft.id);
      expectError(
        await ctx.http().patch(`/api/plans/${draft.id}`).set(admin).send(body),
        400,
        'PLAN.WRONG_PERIOD',
        'periodEnd',
      );
      expect(await stored(draft.id)).toEqual(before);
    });

    it.each([
      ['an unknown field', { status: 'adopted' }, 'status'],
      ['a move to another village', { villageId: randomUUID() }, 'villageId'],
      ['a version', { version: 9 }, 'version'],
      ['a title that is a number', { title: 7 }, 'title'],
      ['a null title', { title: null }, 'title'],
      ['a null periodStart', { periodStart: null }, 'periodStart'],
      ['a null periodEnd', { periodEnd: null }, 'periodEnd'],
      ['a periodEnd after 2100', { periodEnd: 2101 }, 'periodEnd'],
      ['a goal with a bad code', { goals: [{ code: '-x', title: ru('T'), priority: 1 }] }, 'goals.0.code'],
      ['a goal id', { goals: [{ id: randomUUID(), code: 'G1', title: ru('T'), priority: 1 }] }, 'goals.0.id'],
    ])('refuses %s with 400 and changes nothing', async (_case, body, field) => {
      const draft = await createDraft(await newVillage());
      const before = await stored(draft.id);
      const auditBefore = await count('audit_events');
      expectError(
        await ctx.http().patch(`/api/plans/${draft.id}`).set(admin).send(body),
        400,
        'REQUEST.VALIDATION_FAILED',
        field,
      );
      expect(await stored(draft.id)).toEqual(before);
      expect(await count('audit_events')).toBe(auditBefore);
    });
  });

  describe('POST /api/plans/:id/adopt', () => {
    it('adopts a draft, which becomes the village plan', async () => {
      const villageId = await newVillage();
      const draft = await createDraft(villageId);
      const res = await ctx.http().post(`/api/plans/${draft.id}/adopt`).set(admin).expect(200);
      expect(res.body).toEqual({ ...draft, status: 'adopted', adoptedAt: expect.stringMatching(ISO_TIME) });
      const current = await ctx.http().get(`/api/villages/${villageId}/plan`).expect(200);
      expect(current.body).toEqual(res.body);
      expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(['plan.created', 'plan.adopted']);
    });

    it('adopting version 2 archives version 1', async () => {
      const villageId = await newVillage();
      const v1 = await adopt((await createDraft(villageId)).id);
      const v2 = await createDraft(villageId, {
        title: 'Second plan',
        goals: [{ code: 'G1', title: ru('Water'), priority: 1 }],
      });
      expect(v2.version).toBe(2);
      await adopt(v2.id);

      const old = await ctx.http().get(`/api/plans/${v1.id}`).expect(200);
      expect(old.body).toMatchObject({
        status: 'archived',
        archivedAt: expect.stringMatching(ISO_TIME),
        adoptedAt: v1.adoptedAt,
      });
      const current = await ctx.http().get(`/api/villages/${villageId}/plan`).expect(200);
      expect(current.body).toMatchObject({ id: v2.id, version: 2, status: 'adopted', title: 'Second plan' });
      expect(await statusesOf(villageId)).toEqual([
        { version: 1, status: 'archived' },
        { version: 2, status: 'adopted' },
      ]);
      expect(await auditOf(v1.id)).toEqual([
        expect.objectContaining({ action: 'plan.created' }),
        expect.objectContaining({ action: 'plan.adopted' }),
        expect.objectContaining({
          action: 'plan.archived',
          before: { status: 'adopted' },
          after: { status: 'archived', replacedBy: v2.id },
        }),
      ]);
      await expectChainValid();
    });

    it('refuses a plan without goals with 422 PLAN.NO_GOALS', async () => {
      const villageId = await newVillage();
      const draft = await createDraft(villageId, { goals: [] });
      const before = await snapshot();
      expectError(await ctx.http().post(`/api/plans/${draft.id}/adopt`).set(admin), 422, 'PLAN.NO_GOALS');
      expect(await snapshot()).toEqual(before);
      expect(await statusesOf(villageId)).toEqual([{ version: 1, status: 'draft' }]);
    });

    it('refuses to adopt the adopted plan again with 409, and it stays adopted', async () => {
      const villageId = await newVillage();
      const plan = await adopt((await createDraft(villageId)).id);
      const before = await stored(plan.id);
      expectError(await ctx.http().post(`/api/plans/${plan.id}/adopt`).set(admin), 409, 'PLAN.WRONG_STATUS');
      expect(await stored(plan.id)).toEqual(before);
      await ctx.http().get(`/api/villages/${villageId}/plan`).expect(200);
    });

    it('refuses to adopt an archived plan with 409 and leaves the adopted one alone', async () => {
      const villageId = await newVillage();
      const v1 = await adopt((await createDraft(villageId)).id);
      const v2 = await adopt((await createDraft(villageId)).id);
      const before = await snapshot();
      expectError(await ctx.http().post(`/api/plans/${v1.id}/adopt`).set(admin), 409, 'PLAN.WRONG_STATUS');
      expect(await snapshot()).toEqual(before);
      expect(await statusesOf(villageId)).toEqual([
        { version: 1, status: 'archived' },
        { version: 2, status: 'adopted' },
      ]);
      expect((await ctx.http().get(`/api/villages/${villageId}/plan`).expect(200)).body.id).toBe(v2.id);
    });

    it('refuses an archived plan with 409 even when it has no goals', async () => {
      const draft = await createDraft(await newVillage(), { goals: [] });
      await ctx.http().post(`/api/plans/${draft.id}/archive`).set(admin).expect(200);
      expectError(await ctx.http().post(`/api/plans/${draft.id}/adopt`).set(admin), 409, 'PLAN.WRONG_STATUS');
    });
  });

  describe('POST /api/plans/:id/archive', () => {
    it('archives the adopted plan: the village then has none', async () => {
      const villageId = await newVillage();
      const plan = await adopt((await createDraft(villageId)).id);
      const res = await ctx.http().post(`/api/plans/${plan.id}/archive`).set(admin).expect(200);
      expect(res.body).toEqual({ ...plan, status: 'archived', archivedAt: expect.stringMatching(ISO_TIME) });
      expectError(await ctx.http().get(`/api/villages/${villageId}/plan`), 404, 'PLAN.NO_ADOPTED_PLAN');
      expect((await auditOf(plan.id)).map((e) => e.action)).toEqual(['plan.created', 'plan.adopted', 'plan.archived']);
    });

    it('archives a draft', async () => {
      const draft = await createDraft(await newVillage());
      const res = await ctx.http().post(`/api/plans/${draft.id}/archive`).set(admin).expect(200);
      expect(res.body).toMatchObject({
        status: 'archived',
        adoptedAt: null,
        archivedAt: expect.stringMatching(ISO_TIME),
      });
    });

    it('refuses to archive an archived plan with 409 PLAN.WRONG_STATUS', async () => {
      const draft = await createDraft(await newVillage());
      await ctx.http().post(`/api/plans/${draft.id}/archive`).set(admin).expect(200);
      const before = await stored(draft.id);
      const auditBefore = await count('audit_events');
      const res = await ctx.http().post(`/api/plans/${draft.id}/archive`).set(admin);
      expectError(res, 409, 'PLAN.WRONG_STATUS');
      expect(res.body.details).toEqual({ status: 'archived', action: 'archive' });
      expect(await stored(draft.id)).toEqual(before);
      expect(await count('audit_events')).toBe(auditBefore);
    });
  });

  describe('reading plans', () => {
    it('hides a draft from everyone but admins: GET /api/plans/:id is 404', async () => {
      const draft = await createDraft(await newVillage());
      for (const headers of [
        {},
        cast.applicant.auth,
        cast.manager.auth,
        cast.observer.auth,
        { Authorization: 'Bearer forged' },
      ]) {
        expectError(await ctx.http().get(`/api/plans/${draft.id}`).set(headers), 404, 'PLAN.NOT_FOUND');
      }
      const res = await ctx.http().get(`/api/plans/${draft.id}`).set(admin).expect(200);
      expect(res.body).toEqual(draft);
    });

    it('shows adopted and archived plans without a token', async () => {
      const villageId = await newVillage();
      const v1 = await adopt((await createDraft(villageId)).id);
      await adopt((await createDraft(villageId)).id);
      const res = await ctx.http().get(`/api/plans/${v1.id}`).expect(200);
      expect(res.body).toMatchObject({ id: v1.id, status: 'archived', goals: v1.goals });
    });

    it('answers 404 for an unknown plan and 400 for a malformed id', async () => {
      expectError(await ctx.http().get(`/api/plans/${randomUUID()}`).set(admin), 404, 'PLAN.NOT_FOUND');
      expectError(await ctx.http().get('/api/plans/1'), 400, 'REQUEST.INVALID_ID');
    });

    it('GET /api/villages/:id/plan is 404 PLAN.NO_ADOPTED_PLAN while the village has only drafts', async () => {
      const villageId = await newVillage();
      await createDraft(villageId);
      expectError(await ctx.http().get(`/api/villages/${villageId}/plan`), 404, 'PLAN.NO_ADOPTED_PLAN');
      expectError(await ctx.http().get(`/api/villages/${randomUUID()}/plan`), 404, 'PLAN.NO_ADOPTED_PLAN');
      expectError(await ctx.http().get('/api/villages/bautino/plan'), 400, 'REQUEST.INVALID_ID');
    });

    describe('GET /api/plans', () => {
      let places: { districtId: string; villageIds: string[] };
      let adopted: Plan[];
      let draft: Plan;
      let archived: Plan;

      beforeAll(async () => {
        places = await createPlaces(ctx, cast.admin.user.id, 3);
        const [a, b, c] = places.villageIds;
        archived = await adopt((await createDraft(a)).id);
        adopted = [
          await adopt((await createDraft(a, { title: 'A v2' })).id),
          await adopt((await createDraft(b, { title: 'B v1' })).id),
        ];
        draft = await createDraft(c, { title: 'C draft' });
      });

      const ids = (res: Response) => (res.body.items as Plan[]).map((p) => p.id);

      it('lists adopted plans to the public, newest first, with goals ordered by priority', async () => {
        const res = await ctx.http().get('/api/plans').query({ districtId: places.districtId }).expect(200);
        expect(res.body).toEqual({ items: [adopted[1], adopted[0]], total: 2, limit: 20, offset: 0 });
        for (const plan of res.body.items as Plan[]) {
          expect(plan.goals.map((g) => g.priority)).toEqual([1, 2, 3]);
          expect(plan.goals.map((g) => g.code)).toEqual(['G1', 'G2', 'G3']);
        }
      });

      it('filters by village', async () => {
        const res = await ctx.http().get('/api/plans').query({ villageId: places.villageIds[0] }).expect(200);
        expect(ids(res)).toEqual([adopted[0].id]);
      });

      it('lists archived plans to the public', async () => {
        const res = await ctx
          .http()
          .get('/api/plans')
          .query({ status: 'archived', districtId: places.districtId })
          .expect(200);
        expect(ids(res)).toEqual([archived.id]);
        expect(res.body.items[0].status).toBe('archived');
      });

      it('pages whole plans, each with all its goals', async () => {
        const first = await ctx.http().get('/api/plans').query({ districtId: places.districtId, limit: 1 }).expect(200);
        expect(first.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
        expect(first.body.items).toEqual([adopted[1]]);
        const second = await ctx
          .http()
          .get('/api/plans')
          .query({ districtId: places.districtId, limit: 1, offset: 1 })
          .expect(200);
        expect(second.body.items).toEqual([adopted[0]]);
        const both = await ctx.http().get('/api/plans').query({ districtId: places.districtId, limit: 2 }).expect(200);
        expect(ids(both)).toEqual([adopted[1].id, adopted[0].id]);
      });

      it.each([
        ['no token', () => ({})],
        ['an applicant', () => cast.applicant.auth],
        ['a manager', () => cast.manager.auth],
        ['an observer', () => cast.observer.auth],
      ])('refuses drafts to %s with 403 PLAN.DRAFTS_FORBIDDEN', async (_who, headers) => {
        expectError(
          await ctx.http().get('/api/plans').query({ status: 'draft' }).set(headers()),
          403,
          'PLAN.DRAFTS_FORBIDDEN',
        );
      });

      it('lists drafts to an admin', async () => {
        const res = await ctx
          .http()
          .get('/api/plans')
          .query({ status: 'draft', districtId: places.districtId })
          .set(admin)
          .expect(200);
        expect(res.body).toEqual({ items: [draft], total: 1, limit: 20, offset: 0 });
      });

      it.each([
        ['a status that does not exist', { status: 'rejected' }, 'status'],
        ['a villageId that is not a UUID', { villageId: 'bautino' }, 'villageId'],
        ['a districtId that is not a UUID', { districtId: '42' }, 'districtId'],
        ['an unknown parameter', { sort: 'title' }, 'sort'],
        ['a limit that is not a number', { limit: 'all' }, 'limit'],
      ])('refuses %s with 400', async (_case, query, field) => {
        expectError(await ctx.http().get('/api/plans').query(query), 400, 'REQUEST.VALIDATION_FAILED', field);
      });

      it('clamps a limit above 100 to 100', async () => {
        const res = await ctx.http().get('/api/plans').query({ limit: 5000 }).expect(200);
        expect(res.body.limit).toBe(100);
      });
    });
  });

  describe('admin routes refuse others', () => {
    const routes = (planId: string, villageId: string) =>
      [
        ['POST', '/api/plans', planBody(villageId)],
        ['PATCH', `/api/plans/${planId}`, { title: 'Hijacked' }],
        ['POST', `/api/plans/${planId}/adopt`, undefined],
        ['POST', `/api/plans/${planId}/archive`, undefined],
      ] as const;

    const send = (
      method: 'POST' | 'PATCH',
      path: string,
      body: object | undefined,
      headers: Record<string, string>,
    ) => {
      const req = (method === 'POST' ? ctx.http().post(path) : ctx.http().patch(path)).set(headers);
      return body === undefined ? req : req.send(body);
    };

    it.each([
      ['no token', () => ({}), 401, 'AUTH.UNAUTHENTICATED'],
      [
        'an expired or forged token',
        () => ({ Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }),
        401,
        'AUTH.UNAUTHENTICATED',
      ],
      ['a manager', () => cast.manager.auth, 403, 'AUTH.FORBIDDEN'],
      ['an applicant', () => cast.applicant.auth, 403, 'AUTH.FORBIDDEN'],
      ['a juror', () => cast.juror.auth, 403, 'AUTH.FORBIDDEN'],
    ])('with %s, changing nothing', async (_who, headers, status, code) => {
      const villageId = await newVillage();
      const draft = await createDraft(villageId);
      const before = { counts: await snapshot(), plan: await stored(draft.id) };
      for (const [method, path, body] of routes(draft.id, villageId)) {
        const res = await send(method, path, body, headers());
        expect({ route: `${method} ${path}`, status: res.status, code: res.body.code }).toEqual({
          route: `${method} ${path}`,
          status,
          code,
        });
      }
      expect({ counts: await snapshot(), plan: await stored(draft.id) }).toEqual(before);
    });

    it.each([
      ['PATCH', '/api/plans/not-a-uuid', { title: 'X' }],
      ['POST', '/api/plans/not-a-uuid/adopt', undefined],
      ['POST', '/api/plans/not-a-uuid/archive', undefined],
    ] as const)('%s %s is 400 REQUEST.INVALID_ID', async (method, path, body) => {
      expectError(await send(method, path, body, admin), 400, 'REQUEST.INVALID_ID');
    });

    it.each([
      ['PATCH', '/api/plans/:id', { title: 'X' }],
      ['POST', '/api/plans/:id/adopt', undefined],
      ['POST', '/api/plans/:id/archive', undefined],
    ] as const)('%s %s with an unknown plan is 404 PLAN.NOT_FOUND', async (method, path, body) => {
      const before = await snapshot();
      expectError(await send(method, path.replace(':id', randomUUID()), body, admin), 404, 'PLAN.NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('at most one adopted plan per village', () => {
    it('parallel adoptions of different drafts take turns: all succeed, the last one stays adopted', async () => {
      const villageId = await newVillage();
      const drafts: Plan[] = [];
      for (let i = 0; i < 6; i += 1) drafts.push(await createDraft(villageId, { title: `Contender ${i}` }));

      const results = await Promise.all(drafts.map((d) => ctx.http().post(`/api/plans/${d.id}/adopt`).set(admin)));

      // The village lock queues the adoptions; without it the losers would hit the unique index.
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const rows: { id: string; status: string }[] = await ctx.dataSource.query(
        'SELECT id, status FROM development_plans WHERE village_id = $1',
        [villageId],
      );
      const winners = rows.filter((r) => r.status === 'adopted');
      expect(winners).toHaveLength(1);
      expect(rows.filter((r) => r.status === 'archived')).toHaveLength(5);
      const current = await ctx.http().get(`/api/villages/${villageId}/plan`).expect(200);
      expect(current.body.id).toBe(winners[0].id);
      await expectChainValid();
    });

    it('parallel adoptions of the same draft: one wins, the others get 409', async () => {
      const villageId = await newVillage();
      const draft = await createDraft(villageId);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => ctx.http().post(`/api/plans/${draft.id}/adopt`).set(admin)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(
        new Set(['PLAN.WRONG_STATUS']),
      );
      expect(await statusesOf(villageId)).toEqual([{ version: 1, status: 'adopted' }]);
      expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(['plan.created', 'plan.adopted']);
      await expectChainValid();
    });

    it('the database refuses a second adopted plan for a village (UQ_development_plans_one_adopted)', async () => {
      const villageId = await newVillage();
      const [d1, d2] = [await createDraft(villageId), await createDraft(villageId)];
      await expect(
        ctx.dataSource.query(`UPDATE development_plans SET status = 'adopted' WHERE id = ANY($1)`, [[d1.id, d2.id]]),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23505', constraint: 'UQ_development_plans_one_adopted' }),
      });

      await adopt(d1.id);
      await expect(
        ctx.dataSource.query(`UPDATE development_plans SET status = 'adopted' WHERE id = $1`, [d2.id]),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ constraint: 'UQ_development_plans_one_adopted' }),
      });
      await expect(
        ctx.dataSource.query(
          `INSERT INTO development_plans (village_id, version, title, period_start, period_end, status) VALUES ($1, 99, 'Sneaked in', 2026, 2030, 'adopted')`,
          [villageId],
        ),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ constraint: 'UQ_development_plans_one_adopted' }),
      });
      expect(await statusesOf(villageId)).toEqual([
        { version: 1, status: 'adopted' },
        { version: 2, status: 'draft' },
      ]);
    });
  });
});
