import { createHmac, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { countRows, expectError } from '../helpers/assertions';
import { createPlaces, createUser, PASSWORD, TestUser } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';

/*
 * Sessions under attack. test/auth.e2e-spec.ts already covers: an elevated payload under the old
 * signature, `alg: none`, expired, another key, a refresh-typed JWT, garbage; refresh rotation,
 * reuse revoking the family, parallel refreshes, forged/tampered/expired refresh tokens, logout;
 * sign-in throttling (429 with Retry-After, parallel failures, one address cannot lock an account
 * out from another) and registrations per address one by one. What follows adds the rest:
 * other algorithms and broken signatures, where a token may come from, unknown roles, reuse across
 * long chains and other logins, and limits on password reset, registration and resend bursts,
 * unknown accounts, and X-Forwarded-For from a client that is not a trusted proxy.
 */
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

function expectThrottled(res: Response): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('sessions under attack', () => {
  let ctx: TestContext;
  let admin: TestUser;
  let villageId: string;
  const sign = (claims: object, options: Parameters<JwtService['sign']>[1] = {}) =>
    new JwtService({ secret: ctx.config.jwtSecret }).sign(claims, options);
  /** A JWT with any header, signed with HMAC over the real secret as `hmac` says. */
  const handMade = (header: object, claims: object, hmac: 'sha256' | 'sha512' | null) => {
    const body = `${b64(header)}.${b64(claims)}`;
    return `${body}.${hmac ? createHmac(hmac, ctx.config.jwtSecret).update(body).digest('base64url') : ''}`;
  };
  const asAdmin = (token: string) => ctx.http().get('/api/users').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_FAILURES: '3', REGISTRATIONS_PER_HOUR: '4' });
    admin = await createUser(ctx, { roles: ['admin'] });
    villageId = (await createPlaces(ctx, admin.user.id, 1)).villageIds[0];
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('the genuine token of the same admin passes (so the refusals below are about the token)', async () => {
    await asAdmin(admin.token).expect(200);
  });

  it('refuses other algorithms with the right key, every spelling of none, and broken signatures', async () => {
    const claims = { sub: admin.user.id, roles: ['admin'], typ: 'access', exp: Math.floor(Date.now() / 1000) + 600 };
    const [header, payload, signature] = admin.token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('A') ? 'B' : 'A'}${signature.slice(-1)}`;
    const candidates = {
      hs512: handMade({ alg: 'HS512', typ: 'JWT' }, claims, 'sha512'),
      hs384: sign(claims, { algorithm: 'HS384' }),
      none: handMade({ alg: 'none', typ: 'JWT' }, claims, null),
      None: handMade({ alg: 'None', typ: 'JWT' }, claims, null),
      NONE: handMade({ alg: 'NONE', typ: 'JWT' }, claims, null),
      noneWithSignature: handMade({ alg: 'none', typ: 'JWT' }, claims, 'sha256').replace(/\.[^.]+$/, `.${signature}`),
      noAlg: handMade({ typ: 'JWT' }, claims, 'sha256'),
      rs256Header: handMade({ alg: 'RS256', typ: 'JWT' }, claims, 'sha256'),
      flippedSignature: `${header}.${payload}.${flipped}`,
      noSignature: `${header}.${payload}.`,
      twoParts: `${header}.${payload}`,
      extraPart: `${admin.token}.${signature}`,
      notYetValid: sign({ sub: admin.user.id, roles: ['admin'], typ: 'access' }, { notBefore: 3600, expiresIn: 7200 }),
      rolesAsString: sign({ sub: admin.user.id, roles: 'admin', typ: 'access' }, { expiresIn: 600 }),
      noSubject: sign({ roles: ['admin'], typ: 'access' }, { expiresIn: 600 }),
      noType: sign({ sub: admin.user.id, roles: ['admin'] }, { expiresIn: 600 }),
      huge: `${header}.${'A'.repeat(12_000)}.${signature}`,
    };
    for (const [name, token] of Object.entries(candidates)) {
      const res = await asAdmin(token);
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 401,
        code: 'AUTH.UNAUTHENTICATED',
      });
    }
  });

  it('takes the token only from an Authorization: Bearer header, never from the query, a cookie or another scheme', async () => {
    const attempts = [
      ctx.http().get('/api/users').query({ access_token: admin.token }),
      ctx.http().get('/api/users').set('Cookie', `access_token=${admin.token}; token=${admin.token}`),
      ctx.http().get('/api/users').set('Authorization', `Basic ${admin.token}`),
      ctx.http().get('/api/users').set('Authorization', admin.token),
      ctx.http().get('/api/users').set('Authorization', `Bearer ${admin.token} ${admin.token}`.replace(' ', '  ')),
      ctx.http().get('/api/users').set('X-Access-Token', admin.token),
    ];
    for (const attempt of attempts) expectError(await attempt, 401, 'AUTH.UNAUTHENTICATED');
  });

  it('grants nothing for roles the service does not know, whoever signed them', async () => {
    const token = sign(
      { sub: admin.user.id, roles: ['root', 'superadmin', 'ADMIN'], typ: 'access' },
      { expiresIn: 600 },
    );
    expectError(await asAdmin(token), 403, 'AUTH.FORBIDDEN');
    expectError(await ctx.http().get('/api/me').set('Authorization', `Bearer ${token}`), 403, 'AUTH.FORBIDDEN');
  });

  it('keeps access and refresh tokens apart', async () => {
    const session = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: admin.user.email, password: PASSWORD })
      .expect(200);
    expectError(await asAdmin(session.body.refreshToken as string), 401, 'AUTH.UNAUTHENTICATED');
    expectError(
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: session.body.accessToken }),
      400,
      'REQUEST.VALIDATION_FAILED',
      'refreshToken',
    );
    await asAdmin(session.body.accessToken as string).expect(200);
  });

  describe('refresh-token reuse', () => {
    const login = async (who: TestUser) =>
      (await ctx.http().post('/api/auth/login').send({ email: who.user.email, password: PASSWORD }).expect(200)).body
        .refreshToken as string;
    const refresh = (refreshToken: string) => ctx.http().post('/api/auth/refresh').send({ refreshToken });
    const liveTokens = async (userId: string) =>
      Number(
        (
          await ctx.dataSource.query(
            'SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL',
            [userId],
          )
        )[0].n,
      );

    it('revokes the whole family, however long the chain, and a thief replaying it later gets nothing', async () => {
      const person = await createUser(ctx);
      const stolen = await login(person);
      let current = stolen;
      for (let i = 0; i < 4; i += 1) current = (await refresh(current).expect(200)).body.refreshToken as string;
      expectError(await refresh(stolen), 401, 'AUTH.REFRESH_TOKEN_REUSED');
      expect(await liveTokens(person.user.id)).toBe(0);
      expectError(await refresh(current), 401, 'AUTH.INVALID_REFRESH_TOKEN');
      expectError(await refresh(stolen), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    });

    it('revokes only the family that was replayed: the person’s other logins go on', async () => {
      const person = await createUser(ctx);
      const [phone, laptop] = [await login(person), await login(person)];
      await refresh(phone).expect(200);
      expectError(await refresh(phone), 401, 'AUTH.REFRESH_TOKEN_REUSED');
      await refresh(laptop).expect(200);
    });

    it('disabling an account ends its logins: its refresh tokens are refused', async () => {
      const person = await createUser(ctx);
      const token = await login(person);
      await ctx.http().patch(`/api/users/${person.user.id}`).set(admin.auth).send({ active: false }).expect(200);
      expectError(await refresh(token), 401, 'AUTH.INVALID_REFRESH_TOKEN');
      expect(await liveTokens(person.user.id)).toBe(0);
    });
  });

  describe('rate limits', () => {
    const resetTokens = async (userId: string) =>
      Number(
        (
          await ctx.dataSource.query(
            `SELECT count(*) AS n FROM account_tokens WHERE user_id = $1 AND purpose = 'reset_password'`,
            [userId],
          )
        )[0].n,
      );
    const requestReset = (email: string, address: string) =>
      ctx.http().post('/api/auth/password-reset/request').set('X-Forwarded-For', address).send({ email });

    describe('password reset requests', () => {
      it('are limited to 3 an hour per account, whichever addresses they come from, and mail no more links', async () => {
        const { user } = await createUser(ctx);
        for (let i = 0; i < 3; i += 1) await requestReset(user.email, `192.0.2.${10 + i}`).expect(202);
        expectThrottled(await requestReset(user.email, '192.0.2.20'));
        expectThrottled(await requestReset(user.email.toUpperCase(), '192.0.2.21'));
        expect(await resetTokens(user.id)).toBe(3);
      });

      it('answer an unknown address exactly as a known one, limit included, so the limit reveals no account', async () => {
        const unknown = `nobody-${randomUUID()}@example.kz`;
        for (let i = 0; i < 3; i += 1) await requestReset(unknown, `192.0.2.${30 + i}`).expect(202);
        expectThrottled(await requestReset(unknown, '192.0.2.40'));
      });

      it('are limited to 10 an hour per client address, across accounts; other addresses go on', async () => {
        for (let i = 0; i < 10; i += 1)
          await requestReset(`someone-${i}-${randomUUID()}@example.kz`, '198.51.100.77').expect(202);
        expectThrottled(await requestReset(`someone-else-${randomUUID()}@example.kz`, '198.51.100.77'));
        await requestReset(`someone-else-${randomUUID()}@example.kz`, '198.51.100.78').expect(202);
      });

      it('let no more than the limit through when they arrive at once', async () => {
        const { user } = await createUser(ctx);
        const burst = await Promise.all(
          Array.from({ length: 12 }, (_, i) => requestReset(user.email, `203.0.113.${i + 1}`)),
        );
        expect(statuses(burst)).toEqual([...Array(3).fill(202), ...Array(9).fill(429)]);
        expect(await resetTokens(user.id)).toBe(3);
      });
    });

    it('registrations arriving at once from one address: no more than the hourly limit get an account', async () => {
      const before = await countRows(ctx, 'users');
      const register = () =>
        ctx
          .http()
          .post('/api/auth/register')
          .set('X-Forwarded-For', '203.0.113.200')
          .send({
            email: `burst-${randomUUID()}@example.kz`,
            password: 'a-long-enough-password',
            fullName: 'Burst',
            preferredLanguage: 'ru',
            homeVillageId: villageId,
          });
      const burst = await Promise.all(Array.from({ length: 9 }, register));
      expect(statuses(burst)).toEqual([...Array(4).fill(201), ...Array(5).fill(429)]);
      expectThrottled(burst.find((r) => r.status === 429)!);
      expect(await countRows(ctx, 'users')).toBe(before + 4);
    });

    it('sign-in failures count for unknown accounts as for known ones', async () => {
      const unknown = `ghost-${randomUUID()}@example.kz`;
      for (let i = 0; i < 3; i += 1)
        await ctx
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', '192.0.2.90')
          .send({ email: unknown, password: 'guess' })
          .expect(401);
      expectThrottled(
        await ctx
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', '192.0.2.90')
          .send({ email: unknown, password: 'guess' }),
      );
    });

    it('a signed-in person can ask for a new confirmation mail 5 times an hour', async () => {
      const person = await createUser(ctx);
      const burst = await Promise.all(
        Array.from({ length: 8 }, () => ctx.http().post('/api/auth/confirm-email/resend').set(person.auth)),
      );
      expect(statuses(burst)).toEqual([...Array(5).fill(202), ...Array(3).fill(429)]);
    });
  });
});

describe('rate limits without a trusted proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ TRUST_PROXY: '0' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('a client cannot dodge the per-address limit by making up X-Forwarded-For', async () => {
    for (let i = 0; i < 10; i += 1) {
      await ctx
        .http()
        .post('/api/auth/password-reset/request')
        .set('X-Forwarded-For', `10.0.0.${i}`)
        .send({ email: `a-${i}-${randomUUID()}@example.kz` })
        .expect(202);
    }
    expectThrottled(
      await ctx
        .http()
        .post('/api/auth/password-reset/request')
        .set('X-Forwarded-For', '10.0.0.99')
        .send({ email: `b-${randomUUID()}@example.kz` }),
    );
  });
});
