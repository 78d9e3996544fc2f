import { LINK_PURPOSE, signLinkToken } from '../../src/common/auth/link-tokens';
import { AppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { Cast, createCast, createUser, PASSWORD } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient, webClient } from '../helpers/web-client';

type Fields = Record<string, string | string[]>;

/** The admins' accounts pages, in English: list, open a staff account, change roles and access. */
describe('web: admins manage accounts', () => {
  let ctx: TestContext;
  let cast: Cast;
  let admin: WebClient;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    ctx.dataSource.query(text, params) as Promise<T[]>;
  const userBy = async (email: string) =>
    (
      await sql<{ id: string; roles: string[]; active: boolean; preferred_language: string; full_name: string }>(
        'SELECT id, roles, active, preferred_language, full_name FROM users WHERE email = $1',
        [email],
      )
    )[0];
  /** Posts a form as a browser encodes it: a ticked box per `roles=` pair, the page's token. */
  const post = (client: WebClient, path: string, fields: Fields, token = true) => {
    const body = new URLSearchParams(token ? { _csrf: client.token } : {});
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return client.agent.post(path).type('form').set('Sec-Fetch-Site', 'same-origin').send(body.toString());
  };
  const canSignIn = async (email: string, password: string) => {
    const client = webClient(ctx);
    await client.page('/sign-in');
    return (await client.submit('/sign-in', { email, password, next: '/' })).status === 303;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    await sql(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [cast.admin.user.id]);
    await sql(`UPDATE users SET full_name = 'Dana Juror' WHERE id = $1`, [cast.juror.user.id]);
    admin = await signedInClient(ctx, cast.admin.user.email, PASSWORD);
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists the accounts with their roles in words, filtered by role and text, fifty a page', async () => {
    const home = await admin.page('/');
    expect(home.text).toContain('href="/admin/users"');
    expect(home.text).toContain('Administration');
    const all = await admin.page('/admin/users');
    expect(all.status).toBe(200);
    expect(all.text).toContain('Total: 8');
    expect(all.text).toContain('finance officer');
    expect(all.text).toContain(`href="/admin/users/${cast.juror.user.id}"`);

    const jurors = await admin.page('/admin/users?role=juror');
    expect(jurors.text).toContain('Total: 1');
    expect(jurors.text).toContain('Dana Juror');
    expect(jurors.text).toContain('<option value="juror" selected');
    const byText = await admin.page('/admin/users?search=dana');
    expect(byText.text).toContain('Total: 1');
    expect(byText.text).toContain('value="dana"');
    const none = await admin.page('/admin/users?role=manager&search=dana');
    expect(none.text).toContain('No such accounts.');
    // A hand-edited filter is no filter, not an error.
    expect((await admin.page('/admin/users?role=king&page=x')).text).toContain('Total: 8');

    await Promise.all(
      Array.from({ length: 50 }, (_, i) => createUser(ctx, { roles: ['observer'], email: `many-${i}@example.kz` })),
    );
    const first = await admin.page('/admin/users?role=observer');
    expect(first.text).toContain('Total: 51');
    expect(first.text).toContain('href="/admin/users?role=observer&amp;page=2"');
    expect(first.text.match(/href="\/admin\/users\/[0-9a-f-]{36}"/g)).toHaveLength(50);
    const second = await admin.page('/admin/users?role=observer&page=2');
    expect(second.text.match(/href="\/admin\/users\/[0-9a-f-]{36}"/g)).toHaveLength(1);
  });

  it('names every problem of a new account at its field and stores nothing', async () => {
    const form = await admin.page('/admin/users/new');
    expect(form.status).toBe(200);
    expect(form.text).not.toContain('type="password"');
    const refused = await post(admin, '/admin/users/new', {
      fullName: '',
      email: 'not an address',
      phone: 'call me',
      preferredLanguage: 'xx',
    });
    expect(refused.status).toBe(400);
    for (const field of ['fullName', 'email', 'phone', 'preferredLanguage', 'roles'])
      expect(refused.text).toContain(`href="#${field}"`);
    expect(refused.text).toContain('Choose at least one role');
    expect(refused.text).toContain('value="call me"');
    expect(await sql('SELECT id FROM users WHERE email = $1', ['not an address'])).toEqual([]);
    // A role no page offers is a forged form.
    const forged = await post(admin, '/admin/users/new', { fullName: 'X', email: 'x@example.kz', roles: 'king' });
    expect(forged.status).toBe(400);
    expect(await sql('SELECT id FROM users WHERE email = $1', ['x@example.kz'])).toEqual([]);
  });

  it('opens a staff account with no password and invites the person by mail to choose one', async () => {
    const email = 'aliya.juror@example.kz';
    const created = await post(admin, '/admin/users/new', {
      fullName: 'Aliya Juror',
      email: 'Aliya.Juror@Example.kz',
      phone: '+7 701 222 33 44',
      preferredLanguage: 'kk',
      roles: ['juror', 'observer'],
    });
    expect(created.status).toBe(303);
    expect(created.headers.location).toBe(`/admin/users?created=${encodeURIComponent(email)}`);
    const user = await userBy(email);
    expect(user).toMatchObject({ roles: ['juror', 'observer'], active: true, preferred_language: 'kk' });
    const audits = await sql<{ action: string; actor_id: string }>(
      'SELECT action, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY action',
      [user.id],
    );
    expect(audits).toEqual([
      { action: 'user.created', actor_id: cast.admin.user.id },
      { action: 'user.invited', actor_id: cast.admin.user.id },
    ]);
    const mails = await sql<{ type: string; data: { tokenId: string } }>(
      'SELECT type, data FROM notifications WHERE recipient_id = $1',
      [user.id],
    );
    expect(mails.map((m) => m.type)).toEqual(['account.invited']);
    expect((await admin.page(created.headers.location)).text).toContain(`The account for ${email} is open`);
    // The mail's link lets the person choose a password; then they sign in and see their reviews.
    const secret = ctx.app.get<AppConfig>(APP_CONFIG).jwtSecret;
    const token = signLinkToken(secret, LINK_PURPOSE.resetPassword, mails[0].data.tokenId);
    await ctx.http().post('/api/auth/password-reset').send({ token, password: 'aliya-own-password' }).expect(200);
    expect((await (await signedInClient(ctx, email, 'aliya-own-password')).page('/reviews')).status).toBe(200);
  });

  it('invites through the JSON API as the page does (POST /api/users/invitations)', async () => {
    const body = {
      fullName: 'Api Observer',
      email: 'api.observer@example.kz',
      preferredLanguage: 'ru',
      roles: ['observer'],
    };
    await ctx.http().post('/api/users/invitations').set(cast.manager.auth).send(body).expect(403);
    const created = await ctx.http().post('/api/users/invitations').set(cast.admin.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ email: 'api.observer@example.kz', roles: ['observer'], active: true });
    const mails = await sql<{ type: string }>('SELECT type FROM notifications WHERE recipient_id = $1', [
      created.body.id,
    ]);
    expect(mails.map((m) => m.type)).toEqual(['account.invited']);
    await ctx
      .http()
      .post('/api/users/invitations')
      .set(cast.admin.auth)
      .send({ ...body, password: 'x' })
      .expect(400);
    await ctx.http().post('/api/users/invitations').set(cast.admin.auth).send(body).expect(409);
  });

  it('refuses an email that has an account, at the email field, and stores nothing', async () => {
    const taken = await post(admin, '/admin/users/new', {
      fullName: 'Someone Else',
      email: cast.manager.user.email.toUpperCase(),
      phone: '',
      preferredLanguage: 'ru',
      roles: 'manager',
    });
    expect(taken.status).toBe(422);
    expect(taken.text).toContain('href="#email"');
    expect(taken.text).toContain('value="Someone Else"');
    expect(await sql('SELECT id FROM users WHERE full_name = $1', ['Someone Else'])).toEqual([]);
  });

  it('changes roles and language, and refuses no role at all', async () => {
    const path = `/admin/users/${cast.juror.user.id}`;
    const form = await admin.page(path);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Dana Juror');
    expect(form.text).toMatch(/id="roles" name="roles" value="juror" checked/);
    const empty = await post(admin, path, { preferredLanguage: 'ru', active: 'true' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#roles"');
    expect((await userBy(cast.juror.user.email)).roles).toEqual(['juror']);

    const saved = await post(admin, path, { roles: ['juror', 'manager'], preferredLanguage: 'ru', active: 'true' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${path}?saved=1`);
    expect(await userBy(cast.juror.user.email)).toMatchObject({
      roles: ['juror', 'manager'],
      preferred_language: 'ru',
    });
    expect((await admin.page(saved.headers.location)).text).toContain('The changes are saved.');
  });

  it('disables an account: the person cannot sign in any more, and can again once enabled', async () => {
    const person = await createUser(ctx, { roles: ['finance'] });
    const path = `/admin/users/${person.user.id}`;
    await admin.page(path);
    const off = await post(admin, path, { roles: 'finance', preferredLanguage: 'kk', active: 'false' });
    expect(off.status).toBe(303);
    expect((await userBy(person.user.email)).active).toBe(false);
    expect(await canSignIn(person.user.email, PASSWORD)).toBe(false);
    expect((await admin.page('/admin/users?role=finance')).text).toContain('Disabled');
    await admin.page(path);
    await post(admin, path, { roles: 'finance', preferredLanguage: 'kk', active: 'true' });
    expect(await canSignIn(person.user.email, PASSWORD)).toBe(true);
  });

  it('refuses, in words, to take the admin role from the last admin or to disable them, and changes nothing', async () => {
    const path = `/admin/users/${cast.admin.user.id}`;
    await admin.page(path);
    for (const fields of [
      { roles: 'manager', preferredLanguage: 'kk', active: 'true' },
      { roles: 'admin', preferredLanguage: 'kk', active: 'false' },
    ]) {
      const refused = await post(admin, path, fields);
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('This is the last active admin');
      expect(refused.text).toContain('Nothing was changed.');
    }
    expect(await userBy(cast.admin.user.email)).toMatchObject({
      roles: ['admin'],
      active: true,
      preferred_language: 'en',
    });
  });

  it('is for admins only: every other role gets 403 and no navigation entry', async () => {
    const path = `/admin/users/${cast.juror.user.id}`;
    for (const who of [cast.manager, cast.finance, cast.observer, cast.applicant]) {
      const client = await signedInClient(ctx, who.user.email, PASSWORD);
      expect((await client.page('/')).text).not.toContain('href="/admin/users"');
      for (const url of ['/admin/users', '/admin/users/new', path]) expect((await client.page(url)).status).toBe(403);
      const posted = await post(client, '/admin/users/new', {
        fullName: 'Sneaky',
        email: 'sneaky@example.kz',
        phone: '',
        preferredLanguage: 'kk',
        roles: 'admin',
      });
      expect(posted.status).toBe(403);
      expect((await post(client, path, { roles: 'admin', preferredLanguage: 'kk', active: 'true' })).status).toBe(403);
    }
    expect(await sql('SELECT id FROM users WHERE email = $1', ['sneaky@example.kz'])).toEqual([]);
    expect((await userBy(cast.juror.user.email)).roles).not.toContain('admin');
  });

  it('refuses forms without the CSRF token', async () => {
    await admin.page('/admin/users/new');
    const fields = { fullName: 'No Token', email: 'notoken@example.kz', phone: '', preferredLanguage: 'kk' };
    expect((await post(admin, '/admin/users/new', { ...fields, roles: 'juror' }, false)).status).toBe(403);
    expect(await sql('SELECT id FROM users WHERE email = $1', ['notoken@example.kz'])).toEqual([]);
    const path = `/admin/users/${cast.observer.user.id}`;
    expect((await post(admin, path, { roles: 'admin', preferredLanguage: 'kk', active: 'true' }, false)).status).toBe(
      403,
    );
    expect((await userBy(cast.observer.user.email)).roles).toEqual(['observer']);
  });
});
