import { EntityManager } from 'typeorm';
import { AuditService } from '../src/modules/audit/audit.service';
import { Cast, createCast } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

describe('audit log', () => {
  let ctx: TestContext;
  let cast: Cast;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const verify = async () =>
    (await ctx.http().get('/api/audit-events/verify').set(cast.observer.auth).expect(200)).body;

  it('records each change with actor, before and after, and lists it by entity', async () => {
    const created = await ctx
      .http()
      .post('/api/regions')
      .set(cast.admin.auth)
      .send({ name: { kk: 'Аудит облысы' } })
      .expect(201);
    await ctx
      .http()
      .patch(`/api/regions/${created.body.id}`)
      .set(cast.admin.auth)
      .send({ name: { kk: 'Аудит облысы', ru: 'Область аудита' } })
      .expect(200);
    const res = await ctx
      .http()
      .get('/api/audit-events')
      .query({ entityType: 'region', entityId: created.body.id })
      .set(cast.observer.auth)
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        action: 'region.created',
        actorId: cast.admin.user.id,
        before: null,
        after: expect.objectContaining({ name: { kk: 'Аудит облысы' } }),
      }),
      expect.objectContaining({
        action: 'region.updated',
        before: expect.objectContaining({ name: { kk: 'Аудит облысы' } }),
        after: expect.objectContaining({ name: { kk: 'Аудит облысы', ru: 'Область аудита' } }),
      }),
    ]);
    const [first, second] = res.body.items;
    expect(BigInt(second.seq)).toBeGreaterThan(BigInt(first.seq));
  });

  it('pages with afterSeq and clamps the limit', async () => {
    const page = await ctx.http().get('/api/audit-events').query({ limit: 2 }).set(cast.admin.auth).expect(200);
    expect(page.body.items).toHaveLength(2);
    const next = await ctx
      .http()
      .get('/api/audit-events')
      .query({ limit: 2, afterSeq: page.body.nextAfterSeq })
      .set(cast.admin.auth)
      .expect(200);
    expect(BigInt(next.body.items[0].seq)).toBe(BigInt(page.body.nextAfterSeq) + 1n);
    const huge = await ctx.http().get('/api/audit-events').query({ limit: 1e9 }).set(cast.admin.auth).expect(200);
    expect(huge.body.items.length).toBeLessThanOrEqual(500);
    await ctx.http().get('/api/audit-events').query({ afterSeq: '-1' }).set(cast.admin.auth).expect(400);
    await ctx.http().get('/api/audit-events').query({ limit: 'ten' }).set(cast.admin.auth).expect(400);
  });

  it.each(['manager', 'juror', 'finance', 'applicant'] as const)('is closed to a %s', async (role) => {
    await ctx.http().get('/api/audit-events').set(cast[role].auth).expect(403);
    await ctx.http().get('/api/audit-events/verify').set(cast[role].auth).expect(403);
  });

  it('is closed to anonymous callers', async () => {
    await ctx.http().get('/api/audit-events').expect(401);
    await ctx.http().get('/api/audit-events/verify').expect(401);
  });

  it('keeps a verifiable chain while many writers commit at once', async () => {
    const writes = Array.from({ length: 24 }, (_, i) =>
      ctx
        .http()
        .post('/api/regions')
        .set(cast.admin.auth)
        .send({ name: { en: `Parallel region ${i}` } }),
    );
    const results = await Promise.all(writes);
    expect(results.every((r) => r.status === 201)).toBe(true);
    const rows: { seq: string }[] = await ctx.dataSource.query('SELECT seq FROM audit_events ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    await expect(verify()).resolves.toMatchObject({ valid: true, checked: rows.length, firstBreak: null });
  });

  it('verifies while writers keep appending', async () => {
    const writers = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ctx
          .http()
          .post('/api/regions')
          .set(cast.admin.auth)
          .send({ name: { en: `Racing region ${i}` } }),
      ),
    );
    const verdicts = await Promise.all([verify(), verify(), verify()]);
    await writers;
    for (const verdict of verdicts) expect(verdict).toMatchObject({ valid: true, firstBreak: null });
  });

  it('cannot be updated, deleted or truncated, even with direct SQL', async () => {
    await expect(ctx.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.dataSource.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(ctx.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('rolls back with its transaction: a change that fails after recording leaves no event', async () => {
    const count = async () => Number((await ctx.dataSource.query('SELECT count(*) AS n FROM audit_events'))[0].n);
    const head = async () => (await ctx.dataSource.query('SELECT seq, hash FROM audit_chain_head'))[0];
    const [countBefore, headBefore] = [await count(), await head()];
    await expect(
      ctx.dataSource.transaction(async (em) => {
        await em.query(`INSERT INTO regions (name) VALUES ('{"en": "Rolled back region"}')`);
        await ctx.app
          .get(AuditService)
          .record(em, { actorId: null, action: 'region.created', entityType: 'region', entityId: 'x', after: {} });
        throw new Error('the change fails after its audit event was written');
      }),
    ).rejects.toThrow('fails after');
    expect(await count()).toBe(countBefore);
    expect(await head()).toEqual(headBefore);
    expect(await ctx.dataSource.query(`SELECT 1 FROM regions WHERE name->>'en' = 'Rolled back region'`)).toEqual([]);
    await expect(verify()).resolves.toMatchObject({ valid: true });
  });

  it('records a changed row as the transaction reads it again, and returns it; a row gone records nothing', async () => {
    const audit = ctx.app.get(AuditService);
    const count = async () => Number((await ctx.dataSource.query('SELECT count(*) AS n FROM audit_events'))[0].n);
    const nameOf = (em: EntityManager, id: string) =>
      em
        .query('SELECT id, name FROM regions WHERE id = $1', [id])
        .then((rows: { id: string; name: { en: string } }[]) => rows[0] ?? null);
    const renamed = await ctx.dataSource.transaction(async (em) => {
      const [{ id }] = await em.query(`INSERT INTO regions (name) VALUES ('{"en": "Before"}') RETURNING id`);
      await em.query(`UPDATE regions SET name = '{"en": "After"}' WHERE id = $1`, [id]);
      return audit.recordReloaded(em, {
        actorId: cast.admin.user.id,
        action: 'region.updated',
        entityType: 'region',
        entityId: id,
        before: { name: { en: 'Before' } },
        reload: (tx) => nameOf(tx, id),
        after: (row) => ({ name: row.name }),
      });
    });
    expect(renamed.name).toEqual({ en: 'After' });
    const [event] = await ctx.dataSource.query(
      `SELECT action, before, after FROM audit_events WHERE entity_type = 'region' AND entity_id = $1`,
      [renamed.id],
    );
    expect(event).toEqual({
      action: 'region.updated',
      before: { name: { en: 'Before' } },
      after: { name: { en: 'After' } },
    });
    const countBefore = await count();
    await expect(
      ctx.dataSource.transaction((em) =>
        audit.recordReloaded(em, {
          actorId: null,
          action: 'region.removed',
          entityType: 'region',
          entityId: 'gone',
          reload: () => Promise.resolve(null),
          after: (row) => row,
        }),
      ),
    ).rejects.toThrow('region gone is gone from the transaction that changed it');
    expect(await count()).toBe(countBefore);
  });

  it('refuses an entity id without its type, and an actor id that is not a UUID', async () => {
    const res = await ctx.http().get('/api/audit-events').query({ entityId: 'abc' }).set(cast.admin.auth).expect(400);
    expect(res.body.details.fields[0].field).toBe('entityType');
    await ctx
      .http()
      .get('/api/audit-events')
      .query({ actorId: '-'.repeat(36) })
      .set(cast.admin.auth)
      .expect(400);
  });

  it('detects tampering by someone who bypasses the triggers', async () => {
    const victim = await ctx.app.get(AuditService).list({ entityType: 'region', limit: 1 });
    const seq = victim[0].seq.toString();
    await ctx.dataSource.transaction(async (em) => {
      await em.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await em.query(`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"Forged"') WHERE seq = $1`, [seq]);
      await em.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    });
    await expect(verify()).resolves.toMatchObject({ valid: false, firstBreak: { seq, reason: 'hash_mismatch' } });
  });
});
