import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { BrowserSessionsService } from '../../src/modules/auth/browser-sessions.service';
import { AssetCatalog } from '../../src/web/assets/asset-catalog';
import { CsrfTokens } from '../../src/web/session/csrf';
import { TestContext } from '../helpers/test-app';
import { expected, Outcome } from './route-table';
import { listRoutes, RouteInfo, undeclaredRoutes } from './routes';
import { WEB_ROUTE_TABLE } from './web-routes';
import { WebWorld } from './web-routes/rule';
import { buildWorld, Caller, CALLERS, createSecurityApp } from './world';

interface Browser {
  cookie: string;
  token: string;
}

/**
 * The web pages' route × caller matrix: each caller is a browser with a session cookie (or a
 * visitor's, for anonymous), sending the form token a page of ours would carry. Where the JSON API
 * answers 401, a page sends the person to sign in (303); 403 and 404 are pages.
 */
describe('web route × caller matrix', () => {
  let ctx: TestContext;
  let world: WebWorld;
  let routes: RouteInfo[];
  let browserOf: (caller: Caller) => Promise<Browser>;

  beforeAll(async () => {
    ctx = await createSecurityApp();
    world = { ...(await buildWorld(ctx)), assetName: ctx.app.get(AssetCatalog).urls.css.split('/').pop() as string };
    routes = listRoutes(ctx.app, 'web');
    const csrf = new CsrfTokens(ctx.config.jwtSecret);
    const sessions = ctx.app.get(BrowserSessionsService);
    // A new browser for every call: a call may end its session (sign-out) or change its person.
    browserOf = async (caller) => {
      if (caller === 'anonymous') {
        const visitor = randomBytes(16).toString('base64url');
        return { cookie: `visitor=${visitor}`, token: csrf.tokenFor(`visitor:${visitor}`) };
      }
      const secret = await sessions.start(world.users[caller].user.id, 'matrix');
      const session = await sessions.resolve(secret);
      return { cookie: `session=${secret}`, token: csrf.tokenFor(`session:${session?.id}`) };
    };
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  const keyOf = (r: RouteInfo) => `${r.method} ${r.path}`;

  const send = async (route: RouteInfo, caller: Caller, withToken: boolean): Promise<Response> => {
    const params = WEB_ROUTE_TABLE[keyOf(route)].params?.(world) ?? {};
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'missing');
    const browser = await browserOf(caller);
    const request = ctx.http()[route.method.toLowerCase() as 'get'](path).set('Cookie', browser.cookie);
    if (route.method === 'GET') return request;
    return request
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send(withToken ? { _csrf: browser.token } : {});
  };

  const answered = (response: Response, outcome: Outcome): boolean => {
    if (outcome === 401) return response.status === 303 && /^\/sign-in\?next=/.test(response.headers.location);
    if (outcome !== 'reach') return response.status === outcome && /^text\/html/.test(response.headers['content-type']);
    const toSignIn = response.status === 303 && /^\/sign-in\?next=/.test(response.headers.location);
    return !toSignIn && ![401, 403, 404].includes(response.status) && response.status < 500;
  };

  it('every web route declares @Public() or the roles that may open it, and has a row in the table', () => {
    expect(routes.length).toBeGreaterThan(3);
    expect(undeclaredRoutes(routes)).toEqual([]);
    expect(routes.map(keyOf).sort()).toEqual(Object.keys(WEB_ROUTE_TABLE).sort());
  });

  it.each(Object.keys(WEB_ROUTE_TABLE))('%s answers each caller as the table says', async (key) => {
    const route = routes.find((r) => keyOf(r) === key) as RouteInfo;
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      const outcome = expected(WEB_ROUTE_TABLE[key] as never, caller);
      const response = await send(route, caller, true);
      if (!answered(response, outcome))
        wrong.push(`${caller}: expected ${outcome}, got ${response.status} ${response.headers.location ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(WEB_ROUTE_TABLE).filter((key) => !key.startsWith('GET ')))(
    '%s refuses a form without its CSRF token',
    async (key) => {
      const route = routes.find((r) => keyOf(r) === key) as RouteInfo;
      const rule = WEB_ROUTE_TABLE[key];
      const caller: Caller =
        rule.who === 'public' ? 'anonymous' : (CALLERS.find((c) => expected(rule as never, c) === 'reach') as Caller);
      const response = await send(route, caller, false);
      expect(response.status).toBe(403);
    },
  );
});
