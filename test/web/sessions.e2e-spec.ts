import { createAdoptedPlan, createCompetition, createPlaces, createUser, PASSWORD } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { setCookies, signedInClient, webClient } from '../helpers/web-client';

describe('web foundation: pages, sessions, CSRF, languages', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('serves the home page as HTML with a nonce-based CSP that every script carries', async () => {
    const response = await webClient(ctx).page('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const scripts = [...response.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('gives every response its own nonce', async () => {
    const client = webClient(ctx);
    const [a, b] = [await client.page('/'), await client.page('/')];
    expect(a.headers['content-security-policy']).not.toEqual(b.headers['content-security-policy']);
  });

  it('speaks Kazakh by default, the language the browser asks for, and the one chosen with the switch', async () => {
    const client = webClient(ctx);
    expect((await client.page('/')).text).toContain('<html lang="kk">');
    expect((await client.page('/', { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.5' })).text).toContain(
      '<html lang="ru">',
    );
    const switched = await client.submit('/language', { language: 'en', next: '/sign-in' });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/sign-in');
    const after = await client.page('/sign-in', { 'Accept-Language': 'ru' });
    expect(after.text).toContain('<html lang="en">');
    expect(after.headers['content-language']).toBe('en');
  });

  it("keeps a signed-in person's language in their profile", async () => {
    const person = await createUser(ctx);
    const client = await signedInClient(ctx, person.user.email, PASSWORD);
    expect((await client.page('/')).text).toContain('<html lang="kk">');
    await client.submit('/language', { language: 'ru', next: '/' });
    const rows: { preferred_language: string }[] = await ctx.dataSource.query(
      'SELECT preferred_language FROM users WHERE id = $1',
      [person.user.id],
    );
    expect(rows[0].preferred_language).toBe('ru');
    // The profile wins over what the browser asks for.
    expect((await client.page('/', { 'Accept-Language': 'en' })).text).toContain('<html lang="ru">');
  });

  it('signs in with a new session cookie (HttpOnly, SameSite=Lax) and goes back where the person was', async () => {
    const person = await createUser(ctx);
    const client = webClient(ctx);
    await client.page('/sign-in?next=/open-data');
    const response = await client.submit('/sign-in', {
      email: person.user.email,
      password: PASSWORD,
      next: '/open-data',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/open-data');
    const cookie = setCookies(response).find((c) => c.startsWith('session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect((await client.page('/')).text).toContain('Test Person');
  });

  it('never redirects to another site after sign-in', async () => {
    const person = await createUser(ctx);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const client = webClient(ctx);
      await client.page('/sign-in');
      const response = await client.submit('/sign-in', { email: person.user.email, password: PASSWORD, next });
      expect(response.headers.location).toBe('/');
    }
  });

  it('refuses a wrong password with the message on the page, in the person’s language', async () => {
    const person = await createUser(ctx);
    const client = webClient(ctx);
    await client.page('/sign-in', { 'Accept-Language': 'ru' });
    const response = await client.submit(
      '/sign-in',
      { email: person.user.email, password: 'wrong-password-1', next: '/' },
      { 'Accept-Language': 'ru' },
    );
    expect(response.status).toBe(401);
    expect(response.text).toContain('Неверный адрес электронной почты или пароль.');
    expect(setCookies(response).some((c) => c.startsWith('session='))).toBe(false);
  });

  it('lists every missing field at once, each linked to its field', async () => {
    const client = webClient(ctx);
    await client.page('/sign-in');
    const response = await client.submit('/sign-in', { email: '', password: '', next: '/' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('href="#email"');
    expect(response.text).toContain('href="#password"');
  });

  it('refuses a form without its CSRF token, with a token of another visitor, or sent from another site', async () => {
    const person = await createUser(ctx);
    const victim = webClient(ctx);
    await victim.page('/sign-in');
    const attacker = webClient(ctx);
    await attacker.page('/sign-in');
    const fields = { email: person.user.email, password: PASSWORD, next: '/' };
    const noToken = await victim.agent.post('/sign-in').type('form').send(fields);
    expect(noToken.status).toBe(403);
    const othersToken = await victim.agent
      .post('/sign-in')
      .type('form')
      .send({ ...fields, _csrf: attacker.token });
    expect(othersToken.status).toBe(403);
    const crossSite = await victim.submit('/sign-in', fields, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const otherOrigin = await victim.submit('/sign-in', fields, { Origin: 'https://evil.example' });
    expect(otherOrigin.status).toBe(403);
    expect(otherOrigin.text).toContain('<html lang="kk">');
    for (const refused of [noToken, othersToken, crossSite, otherOrigin]) {
      expect(setCookies(refused).some((c) => c.startsWith('session='))).toBe(false);
    }
  });

  it('refuses a forged form with fields the page never had', async () => {
    const client = webClient(ctx);
    await client.page('/sign-in');
    const response = await client.submit('/sign-in', { email: 'a@b.kz', password: 'x', next: '/', roles: 'admin' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
  });

  it('ignores a session id planted before sign-in, and ends the session a browser had', async () => {
    const first = await createUser(ctx);
    const second = await createUser(ctx);
    const client = await signedInClient(ctx, first.user.email, PASSWORD);
    const firstCookie = client.agent.jar.getCookie('session', {
      path: '/',
      domain: '127.0.0.1',
      secure: false,
      script: false,
    })?.value;
    const response = await client.submit('/sign-in', { email: second.user.email, password: PASSWORD, next: '/' });
    expect(response.status).toBe(303);
    const secondCookie = setCookies(response)
      .find((c) => c.startsWith('session='))
      ?.split(';')[0]
      .slice('session='.length);
    expect(secondCookie).toBeTruthy();
    expect(secondCookie).not.toEqual(firstCookie);
    // The first session is over: its cookie no longer opens anything.
    const replay = await webClient(ctx).agent.get('/').set('Cookie', `session=${firstCookie}`);
    expect(replay.text).not.toContain('Test Person');
    const planted = await webClient(ctx)
      .agent.get('/')
      .set('Cookie', `session=${'A'.repeat(43)}`);
    expect(planted.text).not.toContain('Test Person');
  });

  it('refuses a copy of the session cookie after sign-out', async () => {
    const person = await createUser(ctx);
    const client = await signedInClient(ctx, person.user.email, PASSWORD);
    const cookie = setCookies(await client.agent.get('/')).length; // nothing new is set on an ordinary page
    expect(cookie).toBe(0);
    const jarCookie = client.agent.jar.getCookie('session', {
      path: '/',
      domain: '127.0.0.1',
      secure: false,
      script: false,
    });
    const stolen = `session=${jarCookie?.value}`;
    expect((await webClient(ctx).agent.get('/').set('Cookie', stolen)).text).toContain('Test Person');
    const out = await client.submit('/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signed-out=1');
    const reused = await webClient(ctx).agent.get('/').set('Cookie', stolen);
    expect(reused.text).not.toContain('Test Person');
    expect(setCookies(reused).some((c) => c.startsWith('session=;'))).toBe(true);
  });

  it('sends a person who is not signed in to sign in first, then back', async () => {
    const response = await webClient(ctx).agent.post('/sign-out').type('form').set('Sec-Fetch-Site', 'same-origin');
    expect(response.status).toBe(403); // no token: refused before anything else
    const client = webClient(ctx);
    await client.page('/');
    const signedOut = await client.submit('/sign-out', {});
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  it('keeps the JSON API bearer-only: a session cookie opens no API route', async () => {
    const person = await createUser(ctx);
    const client = await signedInClient(ctx, person.user.email, PASSWORD);
    expect((await client.agent.get('/api/me')).status).toBe(401);
    expect((await ctx.http().get('/api/me').set(person.auth)).status).toBe(200);
  });

  it('shows open competitions on the home page with the deadline in words and money in tenge', async () => {
    const manager = await createUser(ctx, { roles: ['manager'] });
    const places = await createPlaces(ctx, manager.user.id);
    await createAdoptedPlan(ctx, manager.user.id, places.villageIds[0]);
    const competition = await createCompetition(ctx, manager.user.id, places.villageIds, { open: true });
    const response = await webClient(ctx).page('/', { 'Accept-Language': 'ru' });
    expect(response.text).toContain(`href="/competitions/${competition.id}"`);
    expect(response.text).toMatch(/Закрывается (через \d+ (день|дня|дней)|сегодня)/);
    expect(response.text).toMatch(/100[\s\u00a0\u202f]000[\s\u00a0\u202f]₸/);
  });

  it('serves hashed assets compressed, cached for a year', async () => {
    const html = (await webClient(ctx).page('/')).text;
    const css = /href="(\/assets\/site\.[0-9a-f]{12}\.css)"/.exec(html)?.[1];
    expect(css).toBeTruthy();
    const response = await ctx
      .http()
      .get(css as string)
      .set('Accept-Encoding', 'br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await ctx.http().get('/assets/site.000000000000.css')).status).toBe(404);
  });
});

describe('web sessions over HTTPS', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ PUBLIC_URL: 'https://startup.example.kz' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('names the cookies __Host- and marks them Secure', async () => {
    const person = await createUser(ctx);
    const client = webClient(ctx);
    const first = await client.page('/sign-in');
    expect(setCookies(first).find((c) => c.startsWith('__Host-visitor='))).toMatch(/; Secure/);
    // supertest speaks plain HTTP, so the Secure cookie is not sent back: the form carries the token
    // bound to it, and the visitor cookie has to be handed over by hand, as a browser on HTTPS would.
    const visitor = setCookies(first)
      .find((c) => c.startsWith('__Host-visitor='))
      ?.split(';')[0] as string;
    const response = await client.agent
      .post('/sign-in')
      .type('form')
      .set({ Cookie: visitor, Origin: 'https://startup.example.kz' })
      .send({ _csrf: client.token, email: person.user.email, password: PASSWORD, next: '/' });
    expect(response.status).toBe(303);
    const session = setCookies(response).find((c) => c.startsWith('__Host-session='));
    expect(session).toMatch(/; HttpOnly; Secure$/);
    expect(session).toMatch(/SameSite=Lax/);
  });
});

describe('web pages outside the JSON API', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('answers an unknown path with a page in the visitor’s language, and unknown API paths with JSON', async () => {
    const page = await ctx.http().get('/no-such-page').set('Accept-Language', 'ru');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Страница не найдена');
    expect(page.headers['content-security-policy']).toMatch(/nonce-/);
    const api = await ctx.http().get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });

  it('answers a form body the parser refuses with a page, not JSON', async () => {
    const response = await ctx
      .http()
      .post('/sign-in')
      .type('form')
      .send('email=' + 'a'.repeat(2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
  });
});
