import { createTestApp, TestContext } from './helpers/test-app';

describe('health and documentation', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('reports PostgreSQL and Redis as up', async () => {
    const res = await ctx.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document with roles and error codes for every operation', async () => {
    const res = await ctx.http().get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<
      string,
      Record<string, { 'x-roles'?: string[]; responses: Record<string, unknown> }>
    >;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/competitions',
        '/api/plans/{id}/adopt',
        '/api/audit-events/verify',
      ]),
    );
    // Every JSON route is under /api; the root is the web pages', which OpenAPI does not list.
    expect(Object.keys(paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ route: `${method} ${path}`, roles: Array.isArray(operation['x-roles']) }).toEqual({
          route: `${method} ${path}`,
          roles: true,
        });
      }
    }
    expect(paths['/api/plans/{id}/adopt'].post.responses['409']).toBeDefined();
    const html = await ctx.http().get('/api/docs').redirects(1).expect(200);
    expect(html.text).toContain('swagger');
  });

  it('answers unknown API routes with the error shape (unknown pages get a page: test/web)', async () => {
    const res = await ctx.http().get('/api/no-such-route').expect(404);
    expect(res.body).toEqual({ code: 'REQUEST.ROUTE_NOT_FOUND', message: expect.any(String), details: {} });
  });

  it('serves the JSON API under /api only: the root paths are left to the web pages', async () => {
    await ctx.http().get('/api/health').expect(200);
    await ctx.http().get('/api/public/figures').expect(200);
    await ctx.http().get('/health').expect(404);
    await ctx.http().get('/public/figures').expect(404);
    await ctx.http().post('/auth/login').send({ email: 'a@example.kz', password: 'whatever-password' }).expect(404);
  });

  it('refuses malformed JSON and oversized bodies with a code', async () => {
    const malformed = await ctx
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(malformed.body.code).toBe('REQUEST.MALFORMED_JSON');
    const huge = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@b.kz', password: 'x'.repeat(200_000) })
      .expect(413);
    expect(huge.body.code).toBe('REQUEST.TOO_LARGE');
  });
});
