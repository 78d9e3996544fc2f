import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { typeormOptions } from '../src/database/typeorm-options';
import { auditOf, countRows, expectError } from './helpers/assertions';
import { createEmptyDatabase, databaseUrl, dropDatabase, withAdminClient } from './helpers/databases';
import {
  Cast,
  competitionCode,
  competitionInput,
  createAdoptedPlan,
  createCast,
  createPlaces,
  Places,
} from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

/** The short code every competition carries into its application references (SU-TUP-2026-0042). */
describe('competition short codes', () => {
  let ctx: TestContext;
  let cast: Cast;
  let places: Places;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    places = await createPlaces(ctx, cast.admin.user.id, 1);
    await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[0]);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const body = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    ...JSON.parse(JSON.stringify(competitionInput(places.villageIds))),
    ...overrides,
  });
  const create = (overrides: Record<string, unknown> = {}) =>
    ctx.http().post('/api/competitions').set(cast.manager.auth).send(body(overrides));
  const patch = (id: string, changes: Record<string, unknown>) =>
    ctx.http().patch(`/api/competitions/${id}`).set(cast.manager.auth).send(changes);

  it('is required when a competition is created, and shown with it to staff and the public', async () => {
    const code = competitionCode();
    const created = await create({ code }).expect(201);
    expect(created.body.code).toBe(code);
    await ctx.http().post(`/api/competitions/${created.body.id}/open`).set(cast.manager.auth).expect(200);
    const shown = await ctx.http().get(`/api/public/competitions/${created.body.id}`).expect(200);
    expect(shown.body.code).toBe(code);
    const before = await countRows(ctx, 'competitions');
    expectError(await create({ code: undefined }), 400, 'REQUEST.VALIDATION_FAILED', 'code');
    expect(await countRows(ctx, 'competitions')).toBe(before);
  });

  it.each([
    ['lower case', 'tup'],
    ['a single letter', 'T'],
    ['nine characters', 'TUPKARAGA'],
    ['a leading digit', '2026'],
    ['a hyphen', 'TUP-26'],
    ['Cyrillic letters', 'ТУП'],
    ['spaces', ' TUP '],
    ['empty', ''],
    ['a number', 26],
    ['null', null],
  ])('refuses a code with %s: 400 naming the field, nothing stored', async (_name, code) => {
    const before = await countRows(ctx, 'competitions');
    const res = await create({ code });
    expectError(res, 400, 'REQUEST.VALIDATION_FAILED', 'code');
    expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['code']);
    expect(await countRows(ctx, 'competitions')).toBe(before);
  });

  it('accepts two to eight capital letters and digits starting with a letter', async () => {
    for (const code of ['BA', `B${competitionCode().slice(1)}`, 'Z9Z9Z9Z9'])
      expect((await create({ code }).expect(201)).body.code).toBe(code);
  });

  it('refuses a code another competition has with 409 COMPETITION.CODE_TAKEN, and stores nothing', async () => {
    const code = competitionCode();
    await create({ code }).expect(201);
    const before = await countRows(ctx, 'competitions');
    expectError(await create({ code }), 409, 'COMPETITION.CODE_TAKEN', 'code');
    expect(await countRows(ctx, 'competitions')).toBe(before);
  });

  it('gives the code to exactly one of several competitions created with it at once', async () => {
    const code = competitionCode();
    const results = await Promise.all(Array.from({ length: 4 }, () => create({ code })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of results.filter((r) => r.status === 409)) expectError(refused, 409, 'COMPETITION.CODE_TAKEN');
    const rows = await ctx.dataSource.query('SELECT id FROM competitions WHERE code = $1', [code]);
    expect(rows).toHaveLength(1);
  });

  it('can change while the competition is a draft (audited), never to a taken code, and is frozen once it opens', async () => {
    const taken = (await create().expect(201)).body.code as string;
    const draft = (await create().expect(201)).body as { id: string; code: string };
    const renamed = competitionCode();
    expect((await patch(draft.id, { code: renamed }).expect(200)).body.code).toBe(renamed);
    const updated = (await auditOf(ctx, 'competition', draft.id, cast.observer.auth)).at(-1)!;
    expect(updated).toMatchObject({
      action: 'competition.updated',
      before: { code: draft.code },
      after: { code: renamed },
    });
    expectError(await patch(draft.id, { code: taken }), 409, 'COMPETITION.CODE_TAKEN', 'code');
    expectError(await patch(draft.id, { code: 'bad code' }), 400, 'REQUEST.VALIDATION_FAILED', 'code');
    expectError(await patch(draft.id, { code: null }), 400, 'REQUEST.VALIDATION_FAILED', 'code');
    await patch(draft.id, { code: renamed }).expect(200);

    await ctx.http().post(`/api/competitions/${draft.id}/open`).set(cast.manager.auth).expect(200);
    expectError(await patch(draft.id, { code: competitionCode() }), 409, 'COMPETITION.RULES_FROZEN');
    const [row]: { code: string }[] = await ctx.dataSource.query('SELECT code FROM competitions WHERE id = $1', [
      draft.id,
    ]);
    expect(row.code).toBe(renamed);
  });

  it('is checked by the database too: no malformed and no repeated code can be stored', async () => {
    const [row]: { code: string }[] = await ctx.dataSource.query('SELECT code FROM competitions LIMIT 1');
    await expect(
      ctx.dataSource.query(`UPDATE competitions SET code = 'tup' WHERE code = $1`, [row.code]),
    ).rejects.toThrow(/CK_competitions_code/);
    await expect(
      ctx.dataSource.query(`UPDATE competitions SET code = $1 WHERE code <> $1`, [row.code]),
    ).rejects.toThrow(/UQ_competitions_code/);
  });
});

describe('the migration that adds competition codes', () => {
  const CODES = MIGRATIONS.findIndex((m) => m.name === 'AddCompetitionCode1796547047916');
  let name: string;

  afterAll(async () => {
    if (name) await withAdminClient((client) => dropDatabase(client, name));
  });

  const migrated = async (count: number) => {
    const dataSource = await new DataSource({
      ...typeormOptions(databaseUrl(name), 1),
      migrations: MIGRATIONS.slice(0, count),
    }).initialize();
    await runMigrationsUnderLock(dataSource);
    return dataSource;
  };

  it('gives existing competitions codes in creation order and leaves every reference already given as it was', async () => {
    name = await createEmptyDatabase('codes');
    const old = await migrated(CODES);
    try {
      await old.query(
        `WITH u AS (INSERT INTO users (email, password_hash, full_name, roles) VALUES ('m@example.kz', 'x', 'M', '{manager}') RETURNING id),
              r AS (INSERT INTO regions (name) VALUES ('R') RETURNING id),
              d AS (INSERT INTO districts (region_id, name) SELECT id, 'D' FROM r RETURNING id),
              v AS (INSERT INTO villages (district_id, name) SELECT id, 'V' FROM d RETURNING id),
              c AS (INSERT INTO competitions (title, budget, min_award, max_award, opens_at, closes_at, created_by, created_at)
                    SELECT t, 100, 1, 10, '2026-01-10', '2026-03-01', u.id, '2026-01-01'::timestamptz + n * interval '1 day'
                      FROM u, (VALUES ('Second', 2), ('First', 1)) AS x(t, n) RETURNING id, created_by)
         INSERT INTO applications (competition_id, applicant_id, village_id, status, reference, reference_number, created_by)
         SELECT c.id, c.created_by, v.id, 'submitted', 'SU-2026-0001', 1, c.created_by FROM c, v`,
      );
    } finally {
      await old.destroy();
    }
    const now = await migrated(CODES + 1);
    try {
      expect(await now.query('SELECT title, code FROM competitions ORDER BY code')).toEqual([
        { title: 'First', code: 'C001' },
        { title: 'Second', code: 'C002' },
      ]);
      expect(await now.query('SELECT reference FROM applications')).toEqual([
        { reference: 'SU-2026-0001' },
        { reference: 'SU-2026-0001' },
      ]);
      // References in the new form are unique across competitions.
      await now.query(
        `UPDATE applications a SET reference = 'SU-C001-2026-0001' FROM competitions c WHERE c.id = a.competition_id AND c.code = 'C001'`,
      );
      await expect(
        now.query(
          `UPDATE applications a SET reference = 'SU-C001-2026-0001' FROM competitions c WHERE c.id = a.competition_id AND c.code = 'C002'`,
        ),
      ).rejects.toThrow(/UQ_applications_reference_global/);
    } finally {
      await now.destroy();
    }
  });
});
