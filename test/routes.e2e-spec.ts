import { randomUUID } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AccessGuard } from '../src/common/auth/access.guard';
import { AccessModule } from '../src/common/auth/access.module';
import { ROLES } from '../src/common/auth/role';
import { ErrorFilter } from '../src/common/errors/error.filter';
import { ConfigModule } from '../src/config/config.module';
import { createCast } from './helpers/factories';
import { listRoutes, undeclaredRoutes } from './helpers/routes';
import { createTestApp, TestContext } from './helpers/test-app';

const fillPath = (path: string) => path.replace(/:[A-Za-z]+/g, randomUUID());

describe('deny by default', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('every route declares @Public() or the roles that may call it', () => {
    const routes = listRoutes(ctx.app);
    expect(routes.length).toBeGreaterThan(30);
    expect(undeclaredRoutes(routes)).toEqual([]);
  });

  it('the route table and the OpenAPI document list the same operations', async () => {
    const doc = await ctx.http().get('/api/docs-json').expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const served = listRoutes(ctx.app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(documented).toEqual(served);
  });

  it('every protected route answers 401 to anonymous callers, before touching its input', async () => {
    for (const route of listRoutes(ctx.app).filter((r) => !r.isPublic)) {
      const res = await ctx.http()[route.method.toLowerCase() as 'get'](fillPath(route.path)).send({ unexpected: true });
      expect({ route: `${route.method} ${route.path}`, status: res.status, code: res.body.code }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
        code: 'AUTH.UNAUTHENTICATED',
      });
    }
  });

  it('every protected route answers 403 to each role it does not name', async () => {
    const cast = await createCast(ctx);
    const byRole = { admin: cast.admin, manager: cast.manager, juror: cast.juror, finance: cast.finance, observer: cast.observer, applicant: cast.applicant };
    for (const route of listRoutes(ctx.app).filter((r) => !r.isPublic)) {
      for (const role of ROLES.filter((r) => !route.roles!.includes(r))) {
        const res = await ctx.http()[route.method.toLowerCase() as 'get'](fillPath(route.path)).set(byRole[role].auth).send({});
        expect({ route: `${route.method} ${route.path}`, role, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, role, status: 403 });
      }
    }
  });

  it('a route that declares nothing is refused to everyone, and the check names it', async () => {
    @Controller('forgotten')
    class ForgottenController {
      @Get()
      leak() {
        return { secret: true };
      }
    }
    @Module({ imports: [ConfigModule, AccessModule], controllers: [ForgottenController], providers: [{ provide: APP_GUARD, useClass: AccessGuard }, { provide: APP_FILTER, useClass: ErrorFilter }] })
    class ForgottenModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ForgottenModule] }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      expect(undeclaredRoutes(listRoutes(app))).toEqual(['GET /forgotten (ForgottenController.leak)']);
      const res = await request(app.getHttpServer()).get('/forgotten').expect(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN');
    } finally {
      await app.close();
    }
  });
});
