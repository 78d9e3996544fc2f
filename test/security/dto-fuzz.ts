import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { badInput, badQuery, reachableClasses, toJson, validatedClasses } from './dto-arbitraries';
import { fingerprint } from './fingerprint';
import { ROUTE_TABLE } from './route-table';
import { listRoutes, RouteInfo } from './routes';
import { SecurityEnv } from './world';

const BODY_RUNS = 15;
const QUERY_RUNS = 10;
const PARAM_RUNS = 3;

/** A refusal in the one error shape with a machine-readable code; never a 5xx, never a success. */
function refusal(res: Response): boolean {
  return (
    res.status >= 400 &&
    res.status < 500 &&
    typeof res.body?.code === 'string' &&
    /^[A-Z_]+\.[A-Z0-9_]+$/.test(res.body.code) &&
    Object.keys(res.body).sort().join() === 'code,details,message'
  );
}

/**
 * Property-based fuzzing of every request DTO: arbitrary JSON (wrong types, unknown and prototype
 * keys, nested junk, huge strings, NUL characters) sent by a caller allowed on each route that
 * takes the DTO, as body or query, and junk in every path parameter. Each must be refused with a
 * 4xx and a code, and the database must be exactly as before.
 */
export function fuzzingTests(env: SecurityEnv): void {
  describe('fuzzing every request DTO', () => {
    let routes: RouteInfo[];
    let before: Record<string, string>;

    beforeAll(async () => {
      routes = listRoutes(env.ctx.app);
      before = await fingerprint(env.ctx);
    });

    /** The route's path with the world's ids, called by the first caller the table lets through. */
    const call = (route: RouteInfo, path?: string) => {
      const rule = ROUTE_TABLE[`${route.method} ${route.path}`];
      if (!rule) throw new Error(`no table row for ${route.method} ${route.path}: see route-matrix.e2e-spec.ts`);
      const params = rule.params?.(env.world) ?? {};
      const url = path ?? route.path.replace(/:(\w+)/g, (_, name: string) => params[name]);
      const req = env.ctx.http()[route.method.toLowerCase() as 'post'](url).set('Idempotency-Key', randomUUID());
      return rule.who === 'public' ? req : req.set(env.world.users[rule.who[0]].auth);
    };

    it('fuzzes every class under src that validates input, through some route', async () => {
      const roots = routes.flatMap((r) => [r.body, r.query]).filter((c) => c !== undefined);
      const reached = reachableClasses(roots);
      const missed = (await validatedClasses(join(__dirname, '../../src'))).filter((c) => !reached.has(c));
      expect(missed.map((c) => c.name)).toEqual([]);
      expect(new Set(roots).size).toBeGreaterThan(40);
    });

    it('refuses bad bodies on every route that takes one', async () => {
      const withBody = routes.filter((r) => r.body);
      expect(withBody.length).toBeGreaterThan(40);
      for (const route of withBody) {
        await fc.assert(
          fc.asyncProperty(badInput(route.body!), async (input) => {
            const res = await call(route).set('Content-Type', 'application/json').send(toJson(input));
            if (!refusal(res))
              throw new Error(
                `${route.method} ${route.path} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
              );
          }),
          { numRuns: BODY_RUNS },
        );
      }
    });

    it('refuses bad query strings on every route that reads one', async () => {
      const withQuery = routes.filter((r) => r.query);
      expect(withQuery.length).toBeGreaterThan(15);
      for (const route of withQuery) {
        await fc.assert(
          fc.asyncProperty(badQuery(route.query!), async (query) => {
            const res = await call(route).query(query);
            if (!refusal(res))
              throw new Error(
                `${route.method} ${route.path}?${query.slice(0, 200)} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
              );
          }),
          { numRuns: QUERY_RUNS },
        );
      }
    });

    it('refuses junk in every path parameter', async () => {
      const notAnId = fc
        .string({ minLength: 1, maxLength: 60, unit: 'binary' })
        .filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s.trim()));
      for (const route of routes.filter((r) => r.path.includes(':'))) {
        await fc.assert(
          fc.asyncProperty(notAnId, async (junk) => {
            const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(junk));
            const res = await call(route, path).send({});
            if (!refusal(res))
              throw new Error(
                `${route.method} ${path} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
              );
          }),
          { numRuns: PARAM_RUNS },
        );
      }
    });

    it('left the database exactly as it was', async () => {
      expect(await fingerprint(env.ctx)).toEqual(before);
    });
  });
}
