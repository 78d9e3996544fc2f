import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { typeormOptions } from '../src/database/typeorm-options';
import { ENTITIES } from '../src/entities';
import { MIGRATIONS } from '../migrations';
import { createEmptyDatabase, databaseUrl, dropDatabase, withAdminClient } from './helpers/databases';
import { createTestDatabase } from './helpers/test-app';

describe('schema and migrations', () => {
  const created: string[] = [];
  afterAll(async () => {
    await withAdminClient(async (client) => {
      for (const name of created) await dropDatabase(client, name);
    });
  });

  it('lists every migration file in migrations/index.ts', () => {
    const files = readdirSync(join(__dirname, '..', 'migrations')).filter((f) => /^\d+-\w+\.ts$/.test(f));
    const names = MIGRATIONS.map((m) => m.name);
    expect(files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')).sort()).toEqual([...names].sort());
  });

  it('entities and migrations do not drift: the migrated schema needs no change', async () => {
    const name = await createTestDatabase();
    created.push(name);
    const dataSource = await new DataSource(typeormOptions(databaseUrl(name), 1, ENTITIES)).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('migrations run once when several replicas start together, and revert cleanly', async () => {
    const name = await createEmptyDatabase('empty');
    created.push(name);
    // A pool of one connection each: the lock and the migrations must share it.
    const sources = await Promise.all(
      [1, 2, 3].map(() => new DataSource(typeormOptions(databaseUrl(name), 1)).initialize()),
    );
    try {
      const applied = await Promise.all(sources.map((s) => runMigrationsUnderLock(s)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.name));
      const head = await sources[0].query('SELECT seq, hash FROM audit_chain_head');
      expect(head).toEqual([{ seq: '0', hash: '0'.repeat(64) }]);
      for (let i = 0; i < MIGRATIONS.length; i += 1) await sources[0].undoLastMigration({ transaction: 'each' });
      const tables = await sources[0].query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      expect(tables).toEqual([{ tablename: 'migrations' }]);
      await expect(runMigrationsUnderLock(sources[0])).resolves.toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });

  it('turns staff-written texts into Russian translations, refuses empty ones, and turns them back', async () => {
    const name = await createEmptyDatabase('i18n');
    created.push(name);
    const upTo = MIGRATIONS.findIndex((m) => m.name === 'TranslateStaffContent1796567715936');
    const open = (count: number) =>
      new DataSource({ ...typeormOptions(databaseUrl(name), 1), migrations: MIGRATIONS.slice(0, count) }).initialize();
    const earlier = await open(upTo);
    try {
      await earlier.runMigrations({ transaction: 'each' });
      const [{ id: user }] = await earlier.query(
        `INSERT INTO users (email, password_hash, full_name, roles) VALUES ('m@example.kz', 'x', 'M', '{manager}') RETURNING id`,
      );
      const [{ id: region }] = await earlier.query(
        `INSERT INTO regions (name) VALUES ('Мангистауская область') RETURNING id`,
      );
      const [{ id: district }] = await earlier.query(
        `INSERT INTO districts (region_id, name) VALUES ($1, 'Тупкараганский район') RETURNING id`,
        [region],
      );
      await earlier.query(`INSERT INTO villages (district_id, name) VALUES ($1, 'Акшукур')`, [district]);
      const [{ id: competition }] = await earlier.query(
        `INSERT INTO competitions (code, title, budget, min_award, max_award, opens_at, closes_at, created_by)
         VALUES ('TUP', 'Старт Ап 2026', 100, 1, 10, now(), now() + interval '1 day', $1) RETURNING id`,
        [user],
      );
      await earlier.query(
        `INSERT INTO review_rounds (competition_id, position, name, method, deadline, created_by) VALUES ($1, 1, 'R1', $2, now(), $3)`,
        [competition, { criteria: [CRITERION] }, user],
      );
    } finally {
      await earlier.destroy();
    }
    const source = await open(upTo + 1);
    try {
      await expect(source.runMigrations({ transaction: 'each' })).resolves.toHaveLength(1);
      const [c] = await source.query(
        `SELECT title, description, award_rules->'trancheTemplate'->0->'label' AS label FROM competitions`,
      );
      expect(c).toEqual({
        title: { ru: 'Старт Ап 2026' },
        description: null,
        label: { kk: 'Шартқа қол қойылғанда', ru: 'При подписании договора', en: 'On signing' },
      });
      await expect(source.query(`SELECT name FROM villages`)).resolves.toEqual([{ name: { ru: 'Акшукур' } }]);
      const [{ criterion }] = await source.query(`SELECT method->'criteria'->0 AS criterion FROM review_rounds`);
      const { description: _none, ...rest } = CRITERION;
      expect(criterion).toEqual({ ...rest, title: { ru: 'Соответствие' }, descriptors: [{ ru: 'нет' }, { ru: 'да' }] });
      for (const bad of ['{}', '{"xx":"a"}', '{"kk":5}', '{"kk":" "}', '"Акшукур"', '[]']) {
        await expect(source.query(`UPDATE regions SET name = $1::jsonb`, [bad])).rejects.toThrow(/CK_regions_name/);
      }
      const [{ id: district }] = await source.query(`SELECT id FROM districts`);
      await expect(
        source.query(`INSERT INTO villages (district_id, name) VALUES ($1, '{"ru":"Акшукур","kk":"Ақшұқыр"}')`, [
          district,
        ]),
      ).rejects.toThrow(/UQ_villages_name_ru/);
      await source.undoLastMigration({ transaction: 'each' });
      await expect(source.query(`SELECT title, description FROM competitions`)).resolves.toEqual([
        { title: 'Старт Ап 2026', description: '' },
      ]);
      await expect(source.query(`SELECT method->'criteria'->0 AS back FROM review_rounds`)).resolves.toEqual([
        { back: CRITERION },
      ]);
      await expect(
        source.query(`SELECT award_rules->'trancheTemplate'->0->>'label' AS label FROM competitions`),
      ).resolves.toEqual([{ label: 'On signing' }]);
    } finally {
      await source.destroy();
    }
  });
});

const CRITERION = {
  code: 'fit',
  title: 'Соответствие',
  description: '',
  weight: 1,
  max: 1,
  descriptors: ['нет', 'да'],
};
