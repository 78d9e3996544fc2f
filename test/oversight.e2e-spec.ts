import { AuditBody, expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

/**
 * Public councils read decisions, anonymised scoresheets, conflict declarations and the audit log
 * (DESIGN.md section 10); every observer read of anonymised material is itself in the audit log.
 */
describe('oversight by observers', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Awardable;
  const http = () => ctx.http();
  const readsBy = async (actorId: string): Promise<AuditBody[]> =>
    (
      await http()
        .get('/api/audit-events')
        .query({ actorId, action: 'oversight.read', limit: 100 })
        .set(cast.observer.auth)
        .expect(200)
    ).body.items as AuditBody[];

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    a = await createAwardable(ctx, cast, 3);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('records each observer read of results, scoresheets and conflict declarations, and the chain still verifies', async () => {
    const ranking = await http().get(`/api/rounds/${a.roundId}/results`).set(cast.observer.auth).expect(200);
    expect(ranking.body.items).toHaveLength(3);
    await http().get(`/api/rounds/${a.roundId}/scoresheets`).query({ limit: 5 }).set(cast.observer.auth).expect(200);
    await http().get(`/api/competitions/${a.competitionId}/conflicts`).set(cast.observer.auth).expect(200);
    const reads = await readsBy(cast.observer.user.id);
    expect(reads.map((e) => [e.after?.material, e.actorId])).toEqual([
      ['round_results', cast.observer.user.id],
      ['scoresheets', cast.observer.user.id],
      ['conflict_declarations', cast.observer.user.id],
    ]);
    expect(reads[0].after).toMatchObject({ material: 'round_results', returned: 3 });
    expect(reads[1].after).toMatchObject({ material: 'scoresheets', limit: 5, offset: 0 });
    expect(reads.every((e) => e.action === 'oversight.read')).toBe(true);
    expectError(
      await http().get('/api/audit-events').query({ action: "x'; DROP" }).set(cast.observer.auth),
      400,
      'REQUEST.VALIDATION_FAILED',
      'action',
    );
    const verify = await http().get('/api/audit-events/verify').set(cast.observer.auth).expect(200);
    expect(verify.body).toMatchObject({ valid: true, firstBreak: null });
  });

  it('does not record staff reads, which are not anonymised oversight', async () => {
    await http().get(`/api/rounds/${a.roundId}/results`).set(cast.manager.auth).expect(200);
    await http().get(`/api/competitions/${a.competitionId}/conflicts`).set(cast.manager.auth).expect(200);
    expect(await readsBy(cast.manager.user.id)).toEqual([]);
  });

  it('serves nothing when the read cannot be recorded', async () => {
    await ctx.dataSource.query(`
      CREATE FUNCTION refuse_oversight_reads() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$;
      CREATE TRIGGER refuse_oversight_reads BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action = 'oversight.read') EXECUTE FUNCTION refuse_oversight_reads();`);
    try {
      const res = await http().get(`/api/rounds/${a.roundId}/results`).set(cast.observer.auth);
      expect(res.status).toBe(500);
      expect(res.body).not.toHaveProperty('items');
    } finally {
      await ctx.dataSource.query(
        'DROP TRIGGER refuse_oversight_reads ON audit_events; DROP FUNCTION refuse_oversight_reads();',
      );
    }
  });
});
