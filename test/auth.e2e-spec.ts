import { JwtService } from '@nestjs/jwt';
import { createPlaces, createUser, PASSWORD } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('accounts and sessions', () => {
  let ctx: TestContext;
  let villageId: string;

  const registration = (overrides: Record<string, unknown> = {}) => ({
    email: `Aigerim.${Math.random().toString(36).slice(2)}@Example.kz`,
    password: 'a-long-enough-password',
    fullName: '  Айгерім Нұрланқызы ',
    phone: '+7 701 123 45 67',
    preferredLanguage: 'kk',
    homeVillageId: villageId,
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_FAILURES: '3', REGISTRATIONS_PER_HOUR: '12' });
    const admin = await createUser(ctx, { roles: ['admin'] });
    villageId = (await createPlaces(ctx, admin.user.id, 1)).villageIds[0];
  });
  afterAll(async () => {
    await ctx.close();
  });

  const userCount = async () => Number((await ctx.dataSource.query('SELECT count(*) AS n FROM users'))[0].n);

  describe('POST /api/auth/register', () => {
    it('creates an applicant, normalises the email and signs them in', async () => {
      const body = registration();
      const res = await ctx.http().post('/api/auth/register').send(body).expect(201);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: {
          email: String(body.email).toLowerCase(),
          fullName: 'Айгерім Нұрланқызы',
          roles: ['applicant'],
          preferredLanguage: 'kk',
          homeVillageId: villageId,
          emailConfirmed: false,
        },
      });
      expect(res.body.user).not.toHaveProperty('passwordHash');
      const me = await ctx.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body.id).toBe(res.body.user.id);
      const stored = await ctx.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [res.body.user.id]);
      expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      ['an unknown field', { roles: ['admin'] }, 'roles'],
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['an unknown language', { preferredLanguage: 'de' }, 'preferredLanguage'],
      ['a wrong type', { fullName: 42 }, 'fullName'],
      ['a missing village', { homeVillageId: undefined }, 'homeVillageId'],
      ['a bad phone', { phone: 'call me' }, 'phone'],
    ])('refuses %s with the field named and stores nothing', async (_name, overrides, field) => {
      const before = await userCount();
      const res = await ctx.http().post('/api/auth/register').send(registration(overrides)).expect(400);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await userCount()).toBe(before);
    });

    it('refuses a taken email, whatever its case', async () => {
      const body = registration();
      await ctx.http().post('/api/auth/register').send(body).expect(201);
      const res = await ctx
        .http()
        .post('/api/auth/register')
        .send({ ...body, email: String(body.email).toUpperCase() })
        .expect(409);
      expect(res.body.code).toBe('USER.EMAIL_TAKEN');
    });

    it('lets only one of parallel registrations with the same email through', async () => {
      const body = registration();
      const results = await Promise.all([1, 2, 3, 4].map(() => ctx.http().post('/api/auth/register').send(body)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    });

    it('limits registrations per address, counting refused ones too', async () => {
      const body = registration();
      await ctx.http().post('/api/auth/register').set('X-Forwarded-For', '192.0.2.44').send(body).expect(201);
      for (let i = 1; i < 12; i += 1) {
        await ctx.http().post('/api/auth/register').set('X-Forwarded-For', '192.0.2.44').send(body).expect(409);
      }
      const res = await ctx
        .http()
        .post('/api/auth/register')
        .set('X-Forwarded-For', '192.0.2.44')
        .send(registration())
        .expect(429);
      expect(res.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      await ctx.http().post('/api/auth/register').set('X-Forwarded-For', '192.0.2.45').send(registration()).expect(201);
    });

    it('refuses NUL characters and malformed token ids with 400/401, never 500', async () => {
      const nul = await ctx
        .http()
        .post('/api/auth/register')
        .send(registration({ fullName: 'A\u0000B' }))
        .expect(400);
      expect(nul.body.details.fields).toEqual([{ field: 'fullName', problems: [expect.any(String)] }]);
      for (const refreshToken of [
        '------------------------------------.abc',
        `${'a'.repeat(36)}.abc`,
        'aaaaa.bbbbb.ccccc',
      ]) {
        await ctx.http().post('/api/auth/refresh').send({ refreshToken }).expect(401);
        await ctx.http().post('/api/auth/logout').send({ refreshToken }).expect(204);
      }
    });

    it('refuses an unknown home village', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/register')
        .send(registration({ homeVillageId: '00000000-0000-4000-8000-000000000000' }))
        .expect(422);
      expect(res.body.code).toBe('USER.VILLAGE_NOT_FOUND');
    });
  });

  describe('POST /api/auth/login', () => {
    it('returns tokens for the right password', async () => {
      const { user } = await createUser(ctx, { roles: ['juror'] });
      const res = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: user.email.toUpperCase(), password: PASSWORD })
        .expect(200);
      expect(res.body.user).toMatchObject({ id: user.id, roles: ['juror'] });
    });

    it('gives the same answer for a wrong password and an unknown account', async () => {
      const { user } = await createUser(ctx);
      const wrong = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong-password' })
        .expect(401);
      const unknown = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@example.kz', password: 'wrong-password' })
        .expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    });

    it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
      const { user } = await createUser(ctx);
      for (let i = 0; i < 3; i += 1) {
        await ctx.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
      }
      const res = await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(429);
      expect(res.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('lets no more than the limit through when failures arrive in parallel', async () => {
      const { user } = await createUser(ctx);
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          ctx
            .http()
            .post('/api/auth/login')
            .set('X-Forwarded-For', '203.0.113.7')
            .send({ email: user.email, password: 'wrong-password' }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(27);
    });

    it('does not let one address lock the person out from another', async () => {
      const { user } = await createUser(ctx);
      for (let i = 0; i < 4; i += 1) {
        await ctx
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', '198.51.100.1')
          .send({ email: user.email, password: 'wrong-password' });
      }
      await ctx
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.1')
        .send({ email: user.email, password: PASSWORD })
        .expect(429);
      await ctx
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.2')
        .send({ email: user.email, password: PASSWORD })
        .expect(200);
    });

    it('refuses a disabled account', async () => {
      const { user } = await createUser(ctx);
      await ctx.dataSource.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
      const res = await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(403);
      expect(res.body.code).toBe('AUTH.ACCOUNT_DISABLED');
    });

    it('refuses unknown fields', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: 'a@b.kz', password: 'x', remember: true })
        .expect(400);
      expect(res.body.details.fields[0].field).toBe('remember');
    });
  });

  describe('refresh tokens', () => {
    const login = async () => {
      const { user } = await createUser(ctx);
      const res = await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      return res.body as { refreshToken: string; accessToken: string };
    };

    it('rotate: each refresh spends the old token and returns a new one', async () => {
      const first = await login();
      const second = await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(200);
    });

    it('revoke the whole family when a spent token is presented again', async () => {
      const first = await login();
      const second = await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      const reuse = await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
      const revoked = await ctx
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: second.body.refreshToken })
        .expect(401);
      expect(revoked.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    });

    it('let only one of parallel refreshes with the same token succeed', async () => {
      const first = await login();
      const results = await Promise.all(
        [1, 2, 3].map(() => ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 401)).toHaveLength(2);
    });

    it('refuse forged, tampered and expired tokens', async () => {
      const first = await login();
      const [id] = first.refreshToken.split('.');
      for (const forged of [`${id}.not-the-secret`, 'garbage.token', '00000000-0000-4000-8000-000000000000.abcdefgh']) {
        const res = await ctx.http().post('/api/auth/refresh').send({ refreshToken: forged }).expect(401);
        expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
      }
      await ctx.dataSource.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        id,
      ]);
      const expired = await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(expired.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    });

    it('logout revokes the family', async () => {
      const first = await login();
      await ctx.http().post('/api/auth/logout').send({ refreshToken: first.refreshToken }).expect(204);
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    });
  });

  describe('access tokens', () => {
    it('are required on protected routes', async () => {
      const res = await ctx.http().get('/api/me').expect(401);
      expect(res.body).toEqual({ code: 'AUTH.UNAUTHENTICATED', message: expect.any(String), details: {} });
    });

    it('are refused when tampered, expired, signed with another key or with alg none', async () => {
      const { user, token } = await createUser(ctx);
      const [header, payload, signature] = token.split('.');
      const elevated = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin'] });
      const secret = ctx.config.jwtSecret;
      const claims = { sub: user.id, roles: ['admin'], typ: 'access' };
      const bad = [
        `${header}.${elevated}.${signature}`,
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
        new JwtService({ secret }).sign(claims, { expiresIn: -10 }),
        new JwtService({ secret: 'another-secret-that-is-long-enough-000000' }).sign(claims),
        new JwtService({ secret }).sign({ ...claims, typ: 'refresh' }),
        'not-a-jwt',
      ];
      for (const candidate of bad) {
        const res = await ctx.http().get('/api/users').set('Authorization', `Bearer ${candidate}`);
        expect({ candidate, status: res.status, code: res.body.code }).toEqual({
          candidate,
          status: 401,
          code: 'AUTH.UNAUTHENTICATED',
        });
      }
    });
  });
});
