import { randomUUID } from 'node:crypto';
import { BrowserSessionsService } from '../src/modules/auth/browser-sessions.service';
import { Cast, createCast, createPlaces, createUser, PASSWORD } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

describe('accounts managed by admins', () => {
  let ctx: TestContext;
  let cast: Cast;
  let villageId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    villageId = (await createPlaces(ctx, cast.admin.user.id, 1)).villageIds[0];
  });
  afterAll(async () => {
    await ctx.close();
  });

  const newAccount = (overrides: Record<string, unknown> = {}) => ({
    email: `juror-${randomUUID()}@example.kz`,
    password: 'a-long-enough-password',
    fullName: 'Жанар Серікова',
    preferredLanguage: 'ru',
    roles: ['juror', 'observer'],
    homeVillageId: villageId,
    ...overrides,
  });

  it('GET /api/me returns the signed-in person for every role', async () => {
    for (const member of Object.values(cast)) {
      const res = await ctx.http().get('/api/me').set(member.auth).expect(200);
      expect(res.body).toMatchObject({ id: member.user.id, roles: member.user.roles });
    }
  });

  it('POST /api/users creates an account with several roles, and it can sign in', async () => {
    const body = newAccount();
    const res = await ctx.http().post('/api/users').set(cast.admin.auth).send(body).expect(201);
    expect(res.body).toMatchObject({ email: body.email, roles: ['juror', 'observer'], active: true });
    await ctx.http().post('/api/auth/login').send({ email: body.email, password: body.password }).expect(200);
    const audit = await ctx
      .http()
      .get('/api/audit-events')
      .query({ entityType: 'user', entityId: res.body.id })
      .set(cast.admin.auth)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'user.created', actorId: cast.admin.user.id }),
    ]);
    expect(JSON.stringify(audit.body.items)).not.toContain(body.email);
  });

  it.each([
    ['an unknown role', { roles: ['superuser'] }, 'roles'],
    ['no roles', { roles: [] }, 'roles'],
    ['repeated roles', { roles: ['juror', 'juror'] }, 'roles'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ['a non-UUID village', { homeVillageId: 'bautino' }, 'homeVillageId'],
  ])('POST /api/users refuses %s', async (_name, overrides, field) => {
    const res = await ctx.http().post('/api/users').set(cast.admin.auth).send(newAccount(overrides)).expect(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it.each(['manager', 'juror', 'finance', 'observer', 'applicant'] as const)(
    'refuses a %s calling the admin routes',
    async (role) => {
      const caller = cast[role];
      const target = cast.applicant.user.id;
      for (const call of [
        ctx.http().post('/api/users').set(caller.auth).send(newAccount()),
        ctx.http().get('/api/users').set(caller.auth),
        ctx.http().get(`/api/users/${target}`).set(caller.auth),
        ctx
          .http()
          .patch(`/api/users/${target}`)
          .set(caller.auth)
          .send({ roles: ['admin'] }),
      ]) {
        const res = await call;
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
      }
      const me = await ctx.http().get('/api/me').set(cast.applicant.auth).expect(200);
      expect(me.body.roles).toEqual(['applicant']);
    },
  );

  it('refuses anonymous callers', async () => {
    await ctx.http().get('/api/users').expect(401);
    await ctx.http().post('/api/users').send(newAccount()).expect(401);
  });

  it('GET /api/users filters by role and text, and clamps the page size', async () => {
    const res = await ctx
      .http()
      .get('/api/users')
      .query({ role: 'finance', limit: 100000 })
      .set(cast.admin.auth)
      .expect(200);
    expect(res.body.limit).toBe(100);
    expect(res.body.items.every((u: { roles: string[] }) => u.roles.includes('finance'))).toBe(true);
    expect(res.body.items.map((u: { id: string }) => u.id)).toContain(cast.finance.user.id);
    const byText = await ctx
      .http()
      .get('/api/users')
      .query({ search: cast.finance.user.email })
      .set(cast.admin.auth)
      .expect(200);
    expect(byText.body.items.map((u: { id: string }) => u.id)).toEqual([cast.finance.user.id]);
    await ctx.http().get('/api/users').query({ role: 'king' }).set(cast.admin.auth).expect(400);
  });

  it('GET /api/users/:id answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await ctx.http().get(`/api/users/${randomUUID()}`).set(cast.admin.auth).expect(404);
    expect(missing.body.code).toBe('USER.NOT_FOUND');
    const malformed = await ctx.http().get('/api/users/42').set(cast.admin.auth).expect(400);
    expect(malformed.body.code).toBe('REQUEST.INVALID_ID');
  });

  it('PATCH /api/users/:id changes roles (effective at the next sign-in) and can disable an account', async () => {
    const { user } = await createUser(ctx, { roles: ['applicant'] });
    const res = await ctx
      .http()
      .patch(`/api/users/${user.id}`)
      .set(cast.admin.auth)
      .send({ roles: ['manager'] })
      .expect(200);
    expect(res.body.roles).toEqual(['manager']);
    const login = await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    await ctx.http().get('/api/competitions').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    await ctx.http().patch(`/api/users/${user.id}`).set(cast.admin.auth).send({ active: false }).expect(200);
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(403);
    const refused = await ctx
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(401);
    expect(refused.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    const live = await ctx.dataSource.query(
      'SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [user.id],
    );
    expect(Number(live[0].n)).toBe(0);
  });

  it('PATCH /api/users/:id refuses null where a value is required, and changes nothing', async () => {
    for (const body of [{ roles: null }, { active: null }, { preferredLanguage: null }]) {
      const res = await ctx
        .http()
        .patch(`/api/users/${cast.juror.user.id}`)
        .set(cast.admin.auth)
        .send(body)
        .expect(400);
      expect(res.body.details.fields[0].field).toBe(Object.keys(body)[0]);
    }
    const me = await ctx.http().get('/api/me').set(cast.juror.auth).expect(200);
    expect(me.body).toMatchObject({ roles: ['juror'], active: true, preferredLanguage: 'kk' });
  });

  it('PATCH /api/users/:id refuses to change email or password hashes (not in the DTO)', async () => {
    const res = await ctx
      .http()
      .patch(`/api/users/${cast.juror.user.id}`)
      .set(cast.admin.auth)
      .send({ email: 'x@y.kz', passwordHash: 'x' })
      .expect(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'passwordHash']);
  });

  it('never removes the last active admin, even when two admins demote each other at once', async () => {
    const ctx2 = await createTestApp();
    try {
      const [a, b] = await Promise.all([
        createUser(ctx2, { roles: ['admin'] }),
        createUser(ctx2, { roles: ['admin'] }),
      ]);
      const results = await Promise.all([
        ctx2
          .http()
          .patch(`/api/users/${b.user.id}`)
          .set(a.auth)
          .send({ roles: ['observer'] }),
        ctx2
          .http()
          .patch(`/api/users/${a.user.id}`)
          .set(b.auth)
          .send({ roles: ['observer'] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('USER.LAST_ADMIN');
      const admins = await ctx2.dataSource.query(
        `SELECT count(*) AS n FROM users WHERE active AND 'admin' = ANY(roles)`,
      );
      expect(Number(admins[0].n)).toBe(1);
    } finally {
      await ctx2.close();
    }
  });
  describe('self-service: PATCH /me and POST /me/password', () => {
    it('PATCH /me changes only the fields given, for any role, audited without the name or phone', async () => {
      for (const member of [cast.juror, cast.finance]) {
        const res = await ctx
          .http()
          .patch('/api/me')
          .set(member.auth)
          .send({
            fullName: '  Жанар Серікова ',
            phone: '+7 701 123-45-67',
            preferredLanguage: 'ru',
            homeVillageId: villageId,
          })
          .expect(200);
        expect(res.body).toMatchObject({
          id: member.user.id,
          fullName: 'Жанар Серікова',
          phone: '+7 701 123-45-67',
          preferredLanguage: 'ru',
          homeVillageId: villageId,
          roles: member.user.roles,
        });
      }
      const cleared = await ctx
        .http()
        .patch('/api/me')
        .set(cast.juror.auth)
        .send({ phone: null, homeVillageId: null })
        .expect(200);
      expect(cleared.body).toMatchObject({
        fullName: 'Жанар Серікова',
        phone: null,
        homeVillageId: null,
        preferredLanguage: 'ru',
      });
      const [first, second]: { actor_id: string; before: unknown; after: unknown }[] = await ctx.dataSource.query(
        `SELECT actor_id, before, after FROM audit_events WHERE entity_id = $1 AND action = 'user.profile_updated' ORDER BY seq`,
        [cast.juror.user.id],
      );
      expect(first).toMatchObject({
        actor_id: cast.juror.user.id,
        before: { preferredLanguage: 'kk', homeVillageId: null },
        after: {
          preferredLanguage: 'ru',
          homeVillageId: villageId,
          changed: ['fullName', 'phone', 'preferredLanguage', 'homeVillageId'],
        },
      });
      expect(second.after).toEqual({
        preferredLanguage: 'ru',
        homeVillageId: null,
        changed: ['phone', 'homeVillageId'],
      });
      expect(JSON.stringify([first, second])).not.toMatch(/Жанар|701/);
    });

    it.each([
      ['roles', { roles: ['admin'] }],
      ['email', { email: 'x@example.kz' }],
      ['active', { active: false }],
      ['fullName', { fullName: '' }],
      ['fullName', { fullName: null }],
      ['phone', { phone: 'call me' }],
      ['preferredLanguage', { preferredLanguage: 'de' }],
      ['homeVillageId', { homeVillageId: 'bautino' }],
    ])('PATCH /me refuses %s in %j and changes nothing', async (field, body) => {
      const res = await ctx.http().patch('/api/me').set(cast.observer.auth).send(body).expect(400);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      const me = await ctx.http().get('/api/me').set(cast.observer.auth).expect(200);
      expect(me.body).toMatchObject({ roles: ['observer'], fullName: 'Test Person', active: true });
    });

    it('PATCH /me refuses a village that does not exist', async () => {
      const res = await ctx
        .http()
        .patch('/api/me')
        .set(cast.observer.auth)
        .send({ homeVillageId: randomUUID() })
        .expect(422);
      expect(res.body.code).toBe('USER.VILLAGE_NOT_FOUND');
    });

    it('POST /me/password needs the current password, then ends every refresh token and browser session', async () => {
      const person = await createUser(ctx);
      const login = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: person.user.email, password: PASSWORD })
        .expect(200);
      const browser = ctx.app.get(BrowserSessionsService);
      const cookieSecret = await browser.start(person.user.id, 'a browser');
      const wrong = await ctx
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' })
        .expect(400);
      expect(wrong.body.code).toBe('USER.WRONG_PASSWORD');
      const short = await ctx
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'short' })
        .expect(400);
      expect(short.body.details.fields[0].field).toBe('newPassword');
      await ctx
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'a-brand-new-password' })
        .expect(204);
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
      expect(await browser.resolve(cookieSecret)).toBeNull();
      await ctx.http().post('/api/auth/login').send({ email: person.user.email, password: PASSWORD }).expect(401);
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: person.user.email, password: 'a-brand-new-password' })
        .expect(200);
      const [audit] = await ctx.dataSource.query(
        `SELECT actor_id FROM audit_events WHERE entity_id = $1 AND action = 'user.password_changed'`,
        [person.user.id],
      );
      expect(audit.actor_id).toBe(person.user.id);
    });

    it('POST /me/password: of two changes racing with the same current password, one wins', async () => {
      const person = await createUser(ctx);
      const results = await Promise.all(
        ['first-new-password', 'second-new-password'].map((newPassword) =>
          ctx.http().post('/api/me/password').set(person.auth).send({ currentPassword: PASSWORD, newPassword }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([204, 400]);
      const winner = results[0].status === 204 ? 'first-new-password' : 'second-new-password';
      await ctx.http().post('/api/auth/login').send({ email: person.user.email, password: winner }).expect(200);
    });

    it('POST /me/password limits wrong guesses of the current password', async () => {
      const person = await createUser(ctx);
      const attempt = (currentPassword: string) =>
        ctx
          .http()
          .post('/api/me/password')
          .set(person.auth)
          .send({ currentPassword, newPassword: 'a-brand-new-password' });
      for (let i = 0; i < 5; i += 1) expect((await attempt(`wrong-guess-${i}`)).status).toBe(400);
      const limited = await attempt(PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    });
  });
});
