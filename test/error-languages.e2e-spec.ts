import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { errorMessage } from '../src/common/i18n/error-message';
import { Language } from '../src/common/i18n/language';
import { createUser, TestUser } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

/** The error answers in one language: the code and details as always, the message in that language. */
function expectAnsweredIn(res: Response, status: number, code: string, language: Language): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.body).toEqual({
    code,
    message: errorMessage(code, language, res.body.details),
    details: expect.any(Object),
  });
  expect(res.headers['content-language']).toBe(language);
}

describe('error messages in the caller’s language', () => {
  let ctx: TestContext;
  let admin: TestUser;
  let applicant: TestUser;

  beforeAll(async () => {
    ctx = await createTestApp();
    [admin, applicant] = await Promise.all([createUser(ctx, { roles: ['admin'] }), createUser(ctx)]);
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('by Accept-Language, for a caller who is not signed in', () => {
    const missing = () => `/api/public/competitions/${randomUUID()}`;

    it.each([
      ['kk', 'kk', 'Конкурс табылмады'],
      ['ru-RU,ru;q=0.9,en;q=0.8', 'ru', 'Конкурс не найден'],
      ['en-US', 'en', 'Competition not found'],
      ['de, ru;q=0.4, kk;q=0.6', 'kk', 'Конкурс табылмады'],
    ])('answers %p in %p with the same code', async (header, language, message) => {
      const res = await ctx.http().get(missing()).set('Accept-Language', header);
      expectAnsweredIn(res, 404, 'COMPETITION.NOT_FOUND', language as Language);
      expect(res.body.message).toBe(message);
    });

    it('answers in English when the caller names no language, or none of ours', async () => {
      const res = await ctx.http().get(missing());
      expectAnsweredIn(res, 404, 'COMPETITION.NOT_FOUND', 'en');
      expect(res.body.message).toBe('Competition not found');
      expectAnsweredIn(
        await ctx.http().get(missing()).set('Accept-Language', 'de-DE, fr'),
        404,
        'COMPETITION.NOT_FOUND',
        'en',
      );
      expectAnsweredIn(
        await ctx.http().get(missing()).set('Accept-Language', ';;q=x'),
        404,
        'COMPETITION.NOT_FOUND',
        'en',
      );
    });

    it('says so to caches: the answer varies by Accept-Language', async () => {
      const res = await ctx.http().get(missing()).set('Accept-Language', 'ru');
      expect(res.headers.vary).toMatch(/Accept-Language/i);
    });

    it.each(['kk', 'ru', 'en'] as const)(
      'translates a validation error (400) into %s, details untouched',
      async (language) => {
        const res = await ctx
          .http()
          .post('/api/auth/register')
          .set('Accept-Language', language)
          .send({ email: 'not-an-email', password: 'x' });
        expectAnsweredIn(res, 400, 'REQUEST.VALIDATION_FAILED', language);
        const fields = (res.body.details.fields as { field: string; problems: string[] }[]).map((f) => f.field);
        expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
      },
    );

    it('translates a refusal (401) and an unknown route (404)', async () => {
      expectAnsweredIn(await ctx.http().get('/api/me').set('Accept-Language', 'ru'), 401, 'AUTH.UNAUTHENTICATED', 'ru');
      expectAnsweredIn(
        await ctx.http().get('/api/no-such-route').set('Accept-Language', 'kk'),
        404,
        'REQUEST.ROUTE_NOT_FOUND',
        'kk',
      );
    });

    it('translates the queue dashboard’s refusals, which answer outside Nest', async () => {
      expectAnsweredIn(
        await ctx.http().get('/admin/queues').set('Accept-Language', 'ru'),
        401,
        'AUTH.UNAUTHENTICATED',
        'ru',
      );
      const res = await ctx.http().get('/admin/queues').set(applicant.auth).set('Accept-Language', 'kk');
      expectAnsweredIn(res, 403, 'AUTH.FORBIDDEN', 'kk');
    });

    it('translates a body the parser rejects before any route runs', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/login')
        .set('Accept-Language', 'kk')
        .set('Content-Type', 'application/json')
        .send('{"email": ');
      expectAnsweredIn(res, 400, 'REQUEST.MALFORMED_JSON', 'kk');
    });
  });

  describe('for a signed-in person, by their preferred language', () => {
    const missingApplication = () => `/api/applications/${randomUUID()}`;

    it('answers in Kazakh to a person who prefers it, whatever the header says', async () => {
      expect(applicant.user.preferredLanguage).toBe('kk');
      const res = await ctx.http().get(missingApplication()).set(applicant.auth).set('Accept-Language', 'en');
      expectAnsweredIn(res, 404, 'APPLICATION.NOT_FOUND', 'kk');
      expect(res.body.message).toBe('Өтінім табылмады');
      expectAnsweredIn(
        await ctx.http().get(missingApplication()).set(applicant.auth),
        404,
        'APPLICATION.NOT_FOUND',
        'kk',
      );
    });

    it('answers validation errors (400) in that language too', async () => {
      const res = await ctx
        .http()
        .post(`/api/competitions/${randomUUID()}/applications`)
        .set(applicant.auth)
        .set('Accept-Language', 'en')
        .send({ unexpected: true });
      expectAnsweredIn(res, 400, 'REQUEST.VALIDATION_FAILED', 'kk');
      const malformed = await ctx
        .http()
        .post(`/api/competitions/${randomUUID()}/applications`)
        .set(applicant.auth)
        .set('Accept-Language', 'en')
        .set('Content-Type', 'application/json')
        .send('{oops');
      expectAnsweredIn(malformed, 400, 'REQUEST.MALFORMED_JSON', 'kk');
    });

    it('follows a change of the preferred language at once, with the same token', async () => {
      const person = await createUser(ctx);
      await ctx
        .http()
        .patch(`/api/users/${person.user.id}`)
        .set(admin.auth)
        .send({ preferredLanguage: 'ru' })
        .expect(200);
      const res = await ctx.http().get(missingApplication()).set(person.auth).set('Accept-Language', 'kk');
      expectAnsweredIn(res, 404, 'APPLICATION.NOT_FOUND', 'ru');
      await ctx
        .http()
        .patch(`/api/users/${person.user.id}`)
        .set(admin.auth)
        .send({ preferredLanguage: 'en' })
        .expect(200);
      expectAnsweredIn(
        await ctx.http().get(missingApplication()).set(person.auth).set('Accept-Language', 'kk'),
        404,
        'APPLICATION.NOT_FOUND',
        'en',
      );
    });

    it('goes by the header when the token is not valid (no person to ask)', async () => {
      const res = await ctx.http().get('/api/me').set('Authorization', 'Bearer nonsense').set('Accept-Language', 'ru');
      expectAnsweredIn(res, 401, 'AUTH.UNAUTHENTICATED', 'ru');
    });
  });

  it('documents the language of messages in OpenAPI', async () => {
    const res = await ctx.http().get('/api/docs-json').expect(200);
    expect(res.body.info.description).toContain('Accept-Language');
  });
});
