import { randomUUID } from 'node:crypto';
import { LINK_PURPOSE, signLinkToken } from '../../src/common/auth/link-tokens';
import { createPlaces, createUser, PASSWORD, TestUser } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { setCookies, signedInClient, WebClient, webClient } from '../helpers/web-client';

const RU = { 'Accept-Language': 'ru' };

describe('account pages: register, mail links, forgotten password, profile, sessions', () => {
  let ctx: TestContext;
  let admin: TestUser;
  let villageIds: string[];

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await createUser(ctx, { roles: ['admin'] });
    villageIds = (await createPlaces(ctx, admin.user.id, 2)).villageIds;
  });
  afterAll(async () => {
    await ctx.close();
  });

  const linkToken = async (userId: string, type: 'account.registered' | 'password.reset'): Promise<string> => {
    const rows: { tokenId: string }[] = await ctx.dataSource.query(
      `SELECT data->>'tokenId' AS "tokenId" FROM notifications WHERE recipient_id = $1 AND type = $2
        ORDER BY created_at DESC LIMIT 1`,
      [userId, type],
    );
    const purpose = type === 'account.registered' ? LINK_PURPOSE.confirmEmail : LINK_PURPOSE.resetPassword;
    return signLinkToken(ctx.config.jwtSecret, purpose, rows[0].tokenId);
  };
  const userByEmail = async (email: string) =>
    (
      await ctx.dataSource.query(
        `SELECT id, full_name AS "fullName", phone, preferred_language AS "preferredLanguage",
                home_village_id AS "homeVillageId", roles, email_confirmed_at AS "emailConfirmedAt"
           FROM users WHERE email = $1`,
        [email],
      )
    )[0];
  const signedIn = async (client: WebClient): Promise<boolean> => {
    const response = await client.agent.get('/account');
    return response.status === 200;
  };

  describe('registration', () => {
    it('lists every broken rule at once, in Russian, each linked to its field, keeping the values', async () => {
      const client = webClient(ctx);
      const form = await client.page('/register', RU);
      expect(form.status).toBe(200);
      expect(form.text).toContain('Регистрация');
      expect(form.text).toMatch(/<optgroup label="District [^"]+ \(Region [^"]+\)">/);
      expect(form.text).toContain(`value="${villageIds[0]}"`);
      const response = await client.submit(
        '/register',
        {
          fullName: '',
          email: 'not-an-address',
          password: 'short',
          phone: 'call me',
          preferredLanguage: 'ru',
          homeVillageId: '',
        },
        RU,
      );
      expect(response.status).toBe(400);
      for (const field of ['fullName', 'email', 'password', 'phone', 'homeVillageId'])
        expect(response.text).toContain(`href="#${field}"`);
      expect(response.text).not.toContain('href="#preferredLanguage"');
      expect(response.text).toContain('Пароль должен содержать не менее 10 символов');
      expect(response.text).toContain('Введите номер телефона в виде +7 701 123 45 67');
      expect(response.text).toContain('value="not-an-address"');
      expect(response.text).toContain('value="call me"');
      expect(response.text).not.toContain('value="short"');
    });

    it('says an address is taken at the email field, in Kazakh', async () => {
      const client = webClient(ctx);
      await client.page('/register');
      const response = await client.submit('/register', {
        fullName: 'Айгерім Нұрланқызы',
        email: admin.user.email.toUpperCase(),
        password: 'a-long-enough-password',
        phone: '',
        preferredLanguage: 'kk',
        homeVillageId: villageIds[0],
      });
      expect(response.status).toBe(422);
      expect(response.text).toContain('href="#email"');
      expect(response.text).toContain('Бұл мекенжаймен тіркелгі бар');
    });

    it('refuses a village that does not exist', async () => {
      const client = webClient(ctx);
      await client.page('/register');
      const response = await client.submit('/register', {
        fullName: 'Айгерім',
        email: `nowhere-${randomUUID()}@example.kz`,
        password: 'a-long-enough-password',
        phone: '',
        preferredLanguage: 'kk',
        homeVillageId: randomUUID(),
      });
      expect(response.status).toBe(422);
      expect(response.text).toContain('href="#homeVillageId"');
    });

    it('creates the applicant, mails the link, signs them in and says to check the mail; the link confirms with a button', async () => {
      const email = `aigerim-${randomUUID()}@example.kz`;
      const client = webClient(ctx);
      await client.page('/register');
      const response = await client.submit('/register', {
        fullName: '  Айгерім Нұрланқызы ',
        email: email.toUpperCase(),
        password: 'a-long-enough-password',
        phone: '+7 701 123-45-67',
        preferredLanguage: 'ru',
        homeVillageId: villageIds[1],
      });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/register/check-mail');
      expect(setCookies(response).some((c) => c.startsWith('session='))).toBe(true);
      const user = await userByEmail(email);
      expect(user).toMatchObject({
        fullName: 'Айгерім Нұрланқызы',
        phone: '+7 701 123-45-67',
        preferredLanguage: 'ru',
        homeVillageId: villageIds[1],
        roles: ['applicant'],
        emailConfirmedAt: null,
      });
      const check = await client.page('/register/check-mail');
      expect(check.text).toContain('Проверьте почту');
      expect(check.text).toContain(email);

      const token = await linkToken(user.id, 'account.registered');
      const visitor = webClient(ctx);
      const opened = await visitor.page(`/confirm-email?token=${encodeURIComponent(token)}`);
      expect(opened.status).toBe(200);
      expect(opened.text).toContain('Растау</button>');
      expect((await userByEmail(email)).emailConfirmedAt).toBeNull(); // a mail scanner opening it confirms nothing
      const confirmed = await visitor.submit('/confirm-email', { token });
      expect(confirmed.status).toBe(200);
      expect(confirmed.text).toContain('Электрондық пошта мекенжайыңыз расталды.');
      expect((await userByEmail(email)).emailConfirmedAt).not.toBeNull();
      const again = await visitor.submit('/confirm-email', { token }, RU);
      expect(again.status).toBe(409);
      expect(again.text).toContain('Эта ссылка уже использована');
      const forged = await visitor.submit('/confirm-email', { token: `${token}x` }, RU);
      expect(forged.status).toBe(400);
      expect(forged.text).toContain('Ссылка неполная или повреждена');
      expect((await visitor.page('/confirm-email')).status).toBe(400);
    });

    it('explains an expired confirmation link', async () => {
      const person = await createUser(ctx);
      const client = await signedInClient(ctx, person.user.email, PASSWORD);
      expect((await client.submit('/account/confirm-email/resend', {})).headers.location).toBe('/account?done=resent');
      const token = await linkToken(person.user.id, 'account.registered');
      await ctx.dataSource.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [person.user.id],
      );
      const response = await client.submit('/confirm-email', { token });
      expect(response.status).toBe(422);
      expect(response.text).toContain('Сілтеменің мерзімі өтіп кеткен.');
    });
  });

  describe('forgotten password', () => {
    it('answers the same for unknown addresses, and the link sets a new password that ends every session', async () => {
      const person = await createUser(ctx);
      const other = await signedInClient(ctx, person.user.email, PASSWORD);
      const client = webClient(ctx);
      await client.page('/forgot-password', RU);
      const known = await client.submit('/forgot-password', { email: person.user.email });
      const unknown = await client.submit('/forgot-password', { email: `nobody-${randomUUID()}@example.kz` });
      for (const response of [known, unknown]) {
        expect(response.status).toBe(303);
        expect(response.headers.location).toBe('/forgot-password?sent=1');
      }
      expect((await client.page('/forgot-password?sent=1', RU)).text).toContain(
        'Если учётная запись с этим адресом существует',
      );
      const invalid = await client.submit('/forgot-password', { email: 'nope' });
      expect(invalid.status).toBe(400);
      expect(invalid.text).toContain('href="#email"');

      const token = await linkToken(person.user.id, 'password.reset');
      expect((await client.page(`/reset-password?token=${encodeURIComponent(token)}`)).status).toBe(200);
      const mismatch = await client.submit('/reset-password', {
        token,
        password: 'a-brand-new-password',
        passwordAgain: 'a-different-password',
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.text).toContain('href="#passwordAgain"');
      expect(mismatch.text).toContain('Құпия сөздер бірдей емес');
      const short = await client.submit('/reset-password', { token, password: 'short', passwordAgain: 'short' });
      expect(short.status).toBe(400);
      expect(short.text).toContain('href="#password"');
      const done = await client.submit('/reset-password', {
        token,
        password: 'a-brand-new-password',
        passwordAgain: 'a-brand-new-password',
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/sign-in?password-reset=1');
      expect((await client.page('/sign-in?password-reset=1')).text).toContain('Құпия сөз өзгертілді');
      expect(await signedIn(other)).toBe(false);
      const reused = await client.submit('/reset-password', {
        token,
        password: 'yet-another-password',
        passwordAgain: 'yet-another-password',
      });
      expect(reused.status).toBe(409);
      expect(reused.text).toContain('/forgot-password');
      await signedInClient(ctx, person.user.email, 'a-brand-new-password');
    });
  });

  describe('profile', () => {
    it('shows the details and saves them, keeping what was typed when a rule is broken', async () => {
      const person = await createUser(ctx, { homeVillageId: villageIds[0] });
      const client = await signedInClient(ctx, person.user.email, PASSWORD);
      const profile = await client.page('/account');
      expect(profile.status).toBe(200);
      expect(profile.text).toContain(person.user.email);
      expect(profile.text).toContain('расталмаған');
      expect(profile.text).toContain('value="Test Person"');
      const broken = await client.submit('/account', {
        fullName: 'Жанар Серікова',
        phone: '12',
        preferredLanguage: 'ru',
        homeVillageId: villageIds[1],
      });
      expect(broken.status).toBe(400);
      expect(broken.text).toContain('href="#phone"');
      expect(broken.text).toContain('value="Жанар Серікова"');
      const saved = await client.submit('/account', {
        fullName: 'Жанар Серікова',
        phone: '',
        preferredLanguage: 'ru',
        homeVillageId: villageIds[1],
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe('/account?done=saved');
      expect(await userByEmail(person.user.email)).toMatchObject({
        fullName: 'Жанар Серікова',
        phone: null,
        preferredLanguage: 'ru',
        homeVillageId: villageIds[1],
      });
      const after = await client.page('/account?done=saved');
      expect(after.text).toContain('<html lang="ru">');
      expect(after.text).toContain('Изменения сохранены.');
      const [audit] = await ctx.dataSource.query(
        `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'user.profile_updated'`,
        [person.user.id],
      );
      expect(audit.after).toEqual({
        preferredLanguage: 'ru',
        homeVillageId: villageIds[1],
        changed: ['fullName', 'phone', 'preferredLanguage', 'homeVillageId'],
      });
      expect(JSON.stringify(audit)).not.toContain('Жанар');
    });

    it('changes the password with the current one; the other browsers and API tokens are signed out, this one stays', async () => {
      const person = await createUser(ctx);
      const client = await signedInClient(ctx, person.user.email, PASSWORD);
      const second = await signedInClient(ctx, person.user.email, PASSWORD);
      const api = await ctx.http().post('/api/auth/login').send({ email: person.user.email, password: PASSWORD });
      await client.page('/account', RU);
      const wrong = await client.submit('/account/password', {
        currentPassword: 'not-the-password',
        newPassword: 'a-brand-new-password',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.text).toContain('href="#currentPassword"');
      const missing = await client.submit('/account/password', { currentPassword: '', newPassword: 'short' });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('href="#currentPassword"');
      expect(missing.text).toContain('href="#newPassword"');
      expect(await signedIn(second)).toBe(true);
      const changed = await client.submit('/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'a-brand-new-password',
      });
      expect(changed.status).toBe(303);
      expect(changed.headers.location).toBe('/account?done=password-changed');
      expect(await signedIn(second)).toBe(false);
      expect(await signedIn(client)).toBe(true);
      expect((await client.page('/account?done=password-changed')).text).toContain(
        'Құпия сөз өзгертілді. Басқа құрылғылардағы кірулер аяқталды.',
      );
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: api.body.refreshToken }).expect(401);
      await ctx.http().post('/api/auth/login').send({ email: person.user.email, password: PASSWORD }).expect(401);
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: person.user.email, password: 'a-brand-new-password' })
        .expect(200);
    });

    it('lists the sessions, ends one, and signs out everywhere else; another person’s session is not found', async () => {
      const person = await createUser(ctx);
      const stranger = await createUser(ctx);
      const client = await signedInClient(ctx, person.user.email, PASSWORD);
      const second = await signedInClient(ctx, person.user.email, PASSWORD);
      const third = await signedInClient(ctx, person.user.email, PASSWORD);
      await signedInClient(ctx, stranger.user.email, PASSWORD);
      const sessionIds = async (userId: string): Promise<string[]> =>
        (
          await ctx.dataSource.query(
            `SELECT id FROM browser_sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at`,
            [userId],
          )
        ).map((row: { id: string }) => row.id);
      const [, secondId] = await sessionIds(person.user.id);
      await client.submit('/language', { language: 'ru', next: '/account' });
      const listing = await client.page('/account');
      expect(listing.text).toContain('Активные сеансы');
      expect(listing.text).toContain('Это устройство');
      expect(listing.text.match(/name="session"/g)).toHaveLength(2);
      const [strangerId] = await sessionIds(stranger.user.id);
      const foreign = await client.submit('/account/sessions/end', { session: strangerId });
      expect(foreign.status).toBe(404);
      expect(await sessionIds(stranger.user.id)).toEqual([strangerId]);
      const ended = await client.submit('/account/sessions/end', { session: secondId });
      expect(ended.status).toBe(303);
      expect(await signedIn(second)).toBe(false);
      expect(await signedIn(third)).toBe(true);
      const others = await client.submit('/account/sessions/end-others', {});
      expect(others.headers.location).toBe('/account?ended-others=1');
      expect((await client.page('/account?ended-others=1')).text).toContain('Завершён 1 сеанс на других устройствах.');
      expect(await signedIn(third)).toBe(false);
      expect(await signedIn(client)).toBe(true);
      expect((await client.page('/account')).text).toContain('Вы вошли только на этом устройстве.');
    });
  });
});
