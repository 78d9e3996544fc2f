import { randomUUID } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Response } from 'supertest';
import { AccessGuard } from '../../src/common/auth/access.guard';
import { AccessModule } from '../../src/common/auth/access.module';
import { ErrorFilter } from '../../src/common/errors/error.filter';
import { ConfigModule } from '../../src/config/config.module';
import { TestContext } from '../helpers/test-app';
import { samplePdf } from '../helpers/sample-files';
import { fingerprint } from './fingerprint';
import { expected, Outcome, ROUTE_TABLE, RouteRule } from './route-table';
import { listRoutes, RouteInfo, undeclaredRoutes } from './routes';
import { buildWorld, Caller, CALLERS, createSecurityApp, World } from './world';

interface Call {
  route: RouteInfo;
  key: string;
  rule: RouteRule;
  caller: Caller;
  outcome: Outcome;
}

/** The table's rows, so each route is a test of its own (known before the app starts). */
const KEYS = Object.keys(ROUTE_TABLE);
const outcomesOf = (key: string) => CALLERS.map((caller) => expected(ROUTE_TABLE[key], caller));
const REFUSING = KEYS.filter((key) => outcomesOf(key).some((o) => o !== 'reach'));
/** Reads first, then changes, deletions last: a deletion would turn later calls on its row into 404s. */
const phaseOf = (key: string) => (key.startsWith('GET ') ? 0 : key.startsWith('DELETE ') ? 2 : 1);
const REACHING = [0, 1, 2].flatMap((phase) =>
  KEYS.filter((key) => phaseOf(key) === phase && outcomesOf(key).includes('reach')),
);
const PROTECTED = KEYS.filter((key) => ROUTE_TABLE[key].who !== 'public');

/**
 * Deny by default, then every route × every caller (anonymous, each role, a second person of the
 * owning roles, a juror on no panel) against one world where every path parameter is a real row.
 * Expectations come from ROUTE_TABLE, written out by hand; Nest's metadata only says which routes
 * exist. MATRIX_LOG=1 prints every call with its answer, to read the whole matrix by eye.
 */
describe('route × caller matrix', () => {
  let ctx: TestContext;
  let world: World;
  let routes: RouteInfo[];
  const fiveHundreds: string[] = [];

  beforeAll(async () => {
    ctx = await createSecurityApp();
    world = await buildWorld(ctx);
    routes = listRoutes(ctx.app);
    // The app and a world with a row for every path parameter: seconds on an idle machine, a minute on a busy one.
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  const keyOf = (r: RouteInfo) => `${r.method} ${r.path}`;

  const send = async (call: Call): Promise<Response> => {
    const params = call.rule.params?.(world) ?? {};
    const path = call.route.path.replace(/:(\w+)/g, (_, name: string) => {
      if (!params[name]) throw new Error(`${call.key}: the table gives no value for :${name}`);
      return params[name];
    });
    let req = ctx.http()[call.route.method.toLowerCase() as 'get'](path);
    if (call.caller !== 'anonymous') req = req.set(world.users[call.caller].auth);
    if (call.route.method === 'GET') return req;
    const body = call.outcome === 404 || call.outcome === 403 ? call.rule.strangerBody : undefined;
    if (body === 'file') return req.attach('file', samplePdf(), 'mine-now.pdf');
    return req.send(typeof body === 'function' ? body(world) : (body ?? {}));
  };

  /** Runs the calls in order; returns one line per call whose answer is not the expected one. */
  const run = async (calls: Call[]): Promise<string[]> => {
    const wrong: string[] = [];
    for (const call of calls) {
      const res = await send(call);
      const got = `${res.status} ${res.body?.code ?? ''}`.trim();
      if (process.env.MATRIX_LOG) process.stdout.write(`MX ${call.key} as ${call.caller} (${call.outcome}): ${got}\n`);
      if (res.status >= 500) fiveHundreds.push(`${call.key} as ${call.caller}: ${got}`);
      const ok =
        call.outcome === 'reach'
          ? ![401, 403, 404].includes(res.status) && res.status < 500
          : res.status === call.outcome &&
            typeof res.body.code === 'string' &&
            Object.keys(res.body).sort().join() === 'code,details,message';
      if (!ok) wrong.push(`${call.key} as ${call.caller}: expected ${call.outcome}, got ${got}`);
    }
    return wrong;
  };

  /** The calls of one route of the table, every caller, as the table expects them to be answered. */
  const callsOf = (key: string): Call[] => {
    const route = routes.find((r) => keyOf(r) === key);
    if (!route) throw new Error(`${key}: the table has a row for a route the app does not serve`);
    const rule = ROUTE_TABLE[key];
    return CALLERS.map((caller) => ({ route, key, rule, caller, outcome: expected(rule, caller) }));
  };

  it('every route declares @Public() or the roles that may call it', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(undeclaredRoutes(routes)).toEqual([]);
  });

  it('the route table and the OpenAPI document list the same operations', async () => {
    const doc = await ctx.http().get('/api/docs-json').expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const served = routes.map(keyOf).sort();
    expect(documented).toEqual(served);
  });

  describe('every protected route answers 401 to anonymous callers, before touching its input', () => {
    it('the app marks as public exactly the routes the table does', () => {
      expect(
        routes
          .filter((r) => !r.isPublic)
          .map(keyOf)
          .sort(),
      ).toEqual([...PROTECTED].sort());
    });

    it.each(PROTECTED)('%s', async (key) => {
      const route = callsOf(key)[0].route;
      const path = route.path.replace(/:\w+/g, () => randomUUID());
      const res = await ctx.http()[route.method.toLowerCase() as 'get'](path).send({ unexpected: true });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    });
  });

  it('a route that declares nothing is refused to everyone, and the check names it', async () => {
    @Controller('forgotten')
    class ForgottenController {
      @Get()
      leak() {
        return { secret: true };
      }
    }
    @Module({
      imports: [ConfigModule, AccessModule],
      controllers: [ForgottenController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    })
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

  it('has a row for every route of the app, and no row for a route the app does not serve', () => {
    const served = new Set(routes.map(keyOf));
    expect(routes.length).toBeGreaterThan(100);
    expect({
      missingRows: [...served].filter((k) => !ROUTE_TABLE[k]).sort(),
      staleRows: Object.keys(ROUTE_TABLE).filter((k) => !served.has(k)),
    }).toEqual({ missingRows: [], staleRows: [] });
  });

  describe('refuses anonymous callers (401), roles a route does not name (403) and strangers to a resource (403/404), changing nothing', () => {
    let before: Record<string, string>;
    beforeAll(async () => {
      before = await fingerprint(ctx);
    });

    it('has strangers to refuse on many routes', () => {
      expect(REFUSING.flatMap(outcomesOf).filter((o) => o === 404).length).toBeGreaterThan(20);
    });

    it.each(REFUSING)('%s', async (key) => {
      expect(await run(callsOf(key).filter((c) => c.outcome !== 'reach'))).toEqual([]);
    });

    it('changed nothing', async () => {
      expect(await fingerprint(ctx)).toEqual(before);
    });
  });

  describe('lets every caller the table names reach the use case: reads first, then changes, deletions last', () => {
    it('has many callers to let through', () => {
      expect(REACHING.flatMap(outcomesOf).filter((o) => o === 'reach').length).toBeGreaterThan(250);
    });

    it.each(REACHING)('%s', async (key) => {
      expect(await run(callsOf(key).filter((c) => c.outcome === 'reach'))).toEqual([]);
    });
  });

  it('never answered any call with a 5xx', () => {
    expect(fiveHundreds).toEqual([]);
  });
});
