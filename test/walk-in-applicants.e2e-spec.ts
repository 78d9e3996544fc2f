import { phoneDigitsOf, UsersRepository } from '../src/modules/users/users.repository';
import { Cast, createAdoptedPlan, createCast, createCompetition, createPlaces } from './helpers/factories';
import { expectError } from './helpers/assertions';
import { createTestApp, TestContext } from './helpers/test-app';

/**
 * Assisted intake through the JSON API, as the web pages do it: a manager opens an applicant
 * account for a walk-in applicant (audited as the manager's act, a mail to choose a password),
 * then starts their application as an assisted draft.
 */
describe('walk-in applicants (JSON API)', () => {
  let ctx: TestContext;
  let cast: Cast;
  let villageId: string;
  let competitionId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    villageId = (await createPlaces(ctx, cast.admin.user.id, 1)).villageIds[0];
    await createAdoptedPlan(ctx, cast.admin.user.id, villageId);
    competitionId = (await createCompetition(ctx, cast.manager.user.id, [villageId], { open: true })).id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const register = (body: Record<string, unknown>, who = cast.manager) =>
    ctx.http().post('/api/applicants').set(who.auth).send(body);
  const person = (email: string) => ({
    email,
    fullName: 'Гүлнар Сейітова',
    phone: '+77015550199',
    preferredLanguage: 'kk',
    homeVillageId: villageId,
  });

  it('opens an applicant account, audited as the manager’s, and mails the person a link to choose a password', async () => {
    const res = await register(person('gulnar@example.kz')).expect(201);
    expect(res.body).toMatchObject({ email: 'gulnar@example.kz', roles: ['applicant'], homeVillageId: villageId });
    const [event] = await ctx.dataSource.query(
      `SELECT actor_id AS "actorId" FROM audit_events WHERE entity_id = $1 AND action = 'user.created'`,
      [res.body.id],
    );
    expect(event.actorId).toBe(cast.manager.user.id);
    const mails = await ctx.dataSource.query(`SELECT type FROM notifications WHERE recipient_id = $1`, [res.body.id]);
    expect(mails).toEqual([{ type: 'account.invited' }]);

    const draft = await ctx
      .http()
      .post(`/api/competitions/${competitionId}/applications/assisted`)
      .set(cast.manager.auth)
      .send({ applicantId: res.body.id, title: 'Наубайхана' })
      .expect(201);
    expect(draft.body).toMatchObject({ applicantId: res.body.id, assisted: true });
  });

  it('finds a person by phone through the index on its digits (the search scans no table at national scale)', async () => {
    const found = await ctx.app.get(UsersRepository).findApplicantsByContact({ phoneDigits: '77015550199' }, 10);
    expect(found.map((u) => u.email)).toContain('gulnar@example.kz');
    // With sequential scans off, the plan can use the index only if the query's expression is the index's own.
    const plan = await ctx.dataSource.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await em.query(
        `EXPLAIN SELECT id FROM users u WHERE ${phoneDigitsOf('u.phone')} = $1`,
        ['77015550199'],
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('IX_users_phone_digits');
  });

  it('refuses a taken email, a password, other roles and bad input, storing nothing', async () => {
    const count = async () => (await ctx.dataSource.query('SELECT count(*)::int AS n FROM users'))[0].n as number;
    const before = await count();
    expectError(await register(person('gulnar@example.kz')), 409, 'USER.EMAIL_TAKEN');
    expectError(
      await register({ ...person('x@example.kz'), password: 'chosen-by-manager' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectError(await register({ ...person('y@example.kz'), roles: ['manager'] }), 400, 'REQUEST.VALIDATION_FAILED');
    expect((await register(person('z@example.kz'), cast.applicant)).status).toBe(403);
    expect((await register(person('z@example.kz'), cast.juror)).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
