import { INestApplicationContext } from '@nestjs/common';
import { Outbox } from '../src/modules/notifications/outbox.service';
import {
  Cast,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  PASSWORD,
} from './helpers/factories';
import { sentinelDelivered } from './helpers/mail-barrier';
import { waitFor } from './helpers/processes';
import { SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestContext } from './helpers/test-app';
import { webClient } from './helpers/web-client';
import { startWorker } from './helpers/worker-context';

const FAST = {
  RELAY_INTERVAL_MS: '100',
  NOTIFICATION_BACKOFF_MS: '100',
  NOTIFICATION_ATTEMPTS: '4',
  STALE_QUEUED_MS: '500',
};
/** A sentinel message through relay, queue, sender and SMTP: well under a second on an idle machine. */
const SENTINEL_MS = 20000;

describe('notifications: outbox, relay, sender, templates', () => {
  let sink: SmtpSink;
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let cast: Cast;
  let villageId: string;

  const statusOf = async (dedupePrefix: string) =>
    (await ctx.dataSource.query(
      `SELECT status, send_attempts AS "sendAttempts", last_error AS "lastError" FROM notifications WHERE dedupe_key LIKE $1`,
      [`${dedupePrefix}%`],
    )) as {
      status: string;
      sendAttempts: number;
      lastError: string | null;
    }[];

  const register = async (overrides: Record<string, unknown> = {}) => {
    const email = `person-${Math.random().toString(36).slice(2)}@example.kz`;
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({
        email,
        password: 'a-long-enough-password',
        fullName: 'Айгерім',
        preferredLanguage: 'kk',
        homeVillageId: villageId,
        ...overrides,
      })
      .expect(201);
    return { email: String(overrides.email ?? email), body: res.body as { accessToken: string; user: { id: string } } };
  };

  beforeAll(async () => {
    sink = await SmtpSink.start({ reject: (address) => address.startsWith('bounce') });
    const overrides = { ...FAST, SMTP_URL: sink.url, PUBLIC_URL: 'http://startup.test' };
    ctx = await createTestApp(overrides);
    worker = await startWorker(ctx.databaseName, overrides);
    cast = await createCast(ctx);
    villageId = (await createPlaces(ctx, cast.admin.user.id, 1)).villageIds[0];
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await sink?.stop();
  });

  it("registration mails a confirmation link in the person's language; the link confirms the address", async () => {
    const { email, body } = await register();
    const [mail] = await sink.waitFor(1, 15000, (m) => m.to.includes(email));
    expect(mail.language).toBe('kk');
    expect(mail.subject).toBe('«Start Up» бағдарламасына қош келдіңіз! Электрондық поштаңызды растаңыз');
    expect(mail.text).toContain('Айгерім');
    expect(mail.text).toContain('Сәлеметсіз бе');
    const [row] = await ctx.dataSource.query(`SELECT id FROM notifications WHERE recipient_id = $1`, [body.user.id]);
    expect(mail.messageId).toBe(`<${row.id}@startup.local>`);
    const link = /http:\/\/startup\.test(\/confirm-email\?token=[\w.-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    // Handlebars escapes "=" in attributes as &#x3D;, which browsers read back as "=".
    expect(mail.html.replace(/&#x3D;/g, '=')).toContain(`href="http://startup.test${link}"`);

    const browser = webClient(ctx);
    const page = await browser.page(link!);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    const unconfirmed = await ctx.http().get('/api/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
    expect(unconfirmed.body.emailConfirmed).toBe(false); // opening the link (a mail scanner may) confirms nothing
    const token = link!.split('token=')[1];
    const confirmed = await browser.submit('/confirm-email', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('расталды');
    const me = await ctx.http().get('/api/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
    expect(me.body.emailConfirmed).toBe(true);
    const again = await ctx.http().post('/api/auth/confirm-email').send({ token }).expect(409);
    expect(again.body.code).toBe('AUTH.LINK_USED');
    const forged = await browser.submit('/confirm-email', { token: `${token}x` });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('Сілтеме толық емес немесе бұзылған');
    expect(await statusOf(`account.registered:`)).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'sent' })]),
    );
  });

  it("password reset: a single-use link in the account's language, a new password, every session ended", async () => {
    const { user } = await createUser(ctx, { roles: ['applicant'] });
    await ctx.dataSource.query(`UPDATE users SET preferred_language = 'ru' WHERE id = $1`, [user.id]);
    const login = await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    await ctx.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    await ctx.http().post('/api/auth/password-reset/request').send({ email: 'nobody-here@example.kz' }).expect(202);
    const [mail] = await sink.waitFor(1, 15000, (m) => m.to.includes(user.email));
    expect(mail.language).toBe('ru');
    expect(mail.subject).toBe('Сброс пароля в «Start Up»');
    const token = /\/reset-password\?token=([\w.-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    await ctx.http().get('/reset-password').query({ token }).expect(200);
    await ctx.http().post('/api/auth/password-reset').send({ token, password: 'short' }).expect(400);
    await ctx.http().post('/api/auth/password-reset').send({ token, password: 'a-brand-new-password' }).expect(200);
    const reuse = await ctx
      .http()
      .post('/api/auth/password-reset')
      .send({ token, password: 'yet-another-password' })
      .expect(409);
    expect(reuse.body.code).toBe('AUTH.LINK_USED');
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: 'a-brand-new-password' }).expect(200);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    expect(sink.to('nobody-here@example.kz')).toEqual([]);
  });

  it('resetting with the newest link spends the older ones too', async () => {
    const { user } = await createUser(ctx);
    await ctx.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    await ctx.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    const mails = await sink.waitFor(2, 15000, (m) => m.to.includes(user.email));
    const [older, newer] = mails.map((m) => /\/reset-password\?token=([\w.-]+)/.exec(m.text)![1]);
    await ctx
      .http()
      .post('/api/auth/password-reset')
      .send({ token: newer, password: 'the-owners-new-password' })
      .expect(200);
    const stale = await ctx
      .http()
      .post('/api/auth/password-reset')
      .send({ token: older, password: 'an-intruders-password' })
      .expect(409);
    expect(stale.body.code).toBe('AUTH.LINK_USED');
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'the-owners-new-password' })
      .expect(200);
  });

  it('an expired reset link is refused', async () => {
    const { user } = await createUser(ctx);
    await ctx.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    const [mail] = await sink.waitFor(1, 15000, (m) => m.to.includes(user.email));
    const token = /\/reset-password\?token=([\w.-]+)/.exec(mail.text)![1];
    await ctx.dataSource.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const res = await ctx
      .http()
      .post('/api/auth/password-reset')
      .send({ token, password: 'a-brand-new-password' })
      .expect(422);
    expect(res.body.code).toBe('AUTH.LINK_EXPIRED');
  });

  it(
    'opening a competition tells the applicants of its eligible villages, and only them',
    async () => {
      const places = await createPlaces(ctx, cast.admin.user.id, 2);
      await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[0]);
      const inside = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
      const unconfirmed = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
      const russian = await createUser(ctx, {
        roles: ['applicant'],
        homeVillageId: places.villageIds[0],
        preferredLanguage: 'ru',
      });
      await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = ANY($1)', [
        [inside.user.id, russian.user.id],
      ]);
      const outside = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[1] });
      const juror = await createUser(ctx, { roles: ['juror'], homeVillageId: places.villageIds[0] });
      const competition = await createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]], {
        title: { kk: 'Start Up Баутин', ru: 'Start Up Баутино', en: 'Start Up Bautino' },
        minAward: '50000000',
      });
      await ctx.http().post(`/api/competitions/${competition.id}/open`).set(cast.manager.auth).expect(200);
      const [mail] = await sink.waitFor(1, 15000, (m) => m.to.includes(inside.user.email));
      expect(mail.language).toBe('kk');
      // The title staff wrote, in the recipient's language.
      expect(mail.subject).toBe('Жаңа конкурсқа өтінім қабылдау басталды: Start Up Баутин');
      expect(mail.text).toContain('Start Up Баутин');
      expect(mail.text).toContain('₸');
      expect(mail.text).toContain(`http://startup.test/competitions/${competition.id}`);
      const [inRussian] = await sink.waitFor(1, 15000, (m) => m.to.includes(russian.user.email));
      expect(inRussian.subject).toBe('Открыт приём заявок: Start Up Баутино');
      // The village has only an English name: it falls back to it.
      expect(inRussian.text).toMatch(/ваше село \(Village [0-9a-f]{8}-0\)/);
      // The announcements are written in the transaction that opened the competition: none for the others.
      const others = [outside, juror, unconfirmed].map((p) => p.user.id);
      const [{ n }] = await ctx.dataSource.query(
        'SELECT count(*)::int AS n FROM notifications WHERE recipient_id = ANY($1)',
        [others],
      );
      expect(n).toBe(0);
      await sentinelDelivered(ctx, sink, cast.admin.user.id, SENTINEL_MS);
      expect(sink.to(outside.user.email)).toEqual([]);
      expect(sink.to(juror.user.email)).toEqual([]);
      expect(sink.to(unconfirmed.user.email)).toEqual([]); // a registered address nobody has confirmed gets no announcements
    },
    15000 + SENTINEL_MS + 10000,
  );

  it('a change that rolls back writes no row and sends nothing', async () => {
    const { user } = await createUser(ctx);
    await expect(
      ctx.dataSource.transaction(async (em) => {
        await ctx.app.get(Outbox).add(em, {
          recipientId: user.id,
          type: 'password.reset',
          data: { tokenId: user.id, expiresAt: new Date().toISOString() },
          dedupeKey: `rollback:${user.id}`,
        });
        throw new Error('the cause fails');
      }),
    ).rejects.toThrow('the cause fails');
    expect(await statusOf(`rollback:${user.id}`)).toEqual([]);
    await sentinelDelivered(ctx, sink, cast.admin.user.id, SENTINEL_MS);
    expect(sink.to(user.email)).toEqual([]);
  });

  it(
    'the same dedupe key never makes a second message',
    async () => {
      const { user } = await createUser(ctx);
      const message = {
        recipientId: user.id,
        type: 'password.reset' as const,
        data: { tokenId: user.id, expiresAt: new Date(Date.now() + 3600000).toISOString() },
        dedupeKey: `dedupe:${user.id}`,
      };
      await ctx.dataSource.transaction((em) => ctx.app.get(Outbox).add(em, message));
      await ctx.dataSource.transaction((em) => ctx.app.get(Outbox).add(em, message));
      await sink.waitFor(1, 15000, (m) => m.to.includes(user.email));
      await sentinelDelivered(ctx, sink, cast.admin.user.id, SENTINEL_MS);
      expect(sink.to(user.email)).toHaveLength(1);
    },
    15000 + SENTINEL_MS + 10000,
  );

  it('refuses messages built in SQL when one row’s data lacks a declared field: none is written and the cause rolls back', async () => {
    const people = await Promise.all([createUser(ctx), createUser(ctx)]);
    const ids = people.map((p) => p.user.id);
    const tag = `not-awarded:${ids[0]}`;
    // As a module's repository builds them; the row of `lacking` has no reference.
    const messages = (lacking: string | null) => ({
      type: 'application.not_awarded' as const,
      sql: `SELECT u.id AS recipient_id,
                   jsonb_build_object('applicationId', u.id, 'applicationTitle', 'Bakery', 'competitionTitle', 'Start Up')
                     || CASE WHEN u.id = $2 THEN '{}'::jsonb ELSE jsonb_build_object('reference', 'SU-2026-0001') END AS data,
                   $3 || ':' || u.id AS dedupe_key
              FROM users u WHERE u.id = ANY($1)`,
      params: [ids, lacking, tag],
    });
    const outbox = ctx.app.get(Outbox);
    await expect(
      ctx.dataSource.transaction(async (em) => {
        await em.query('UPDATE users SET full_name = $2 WHERE id = $1', [ids[0], 'Changed by the cause']);
        await outbox.addSelected(em, messages(ids[1]));
      }),
    ).rejects.toThrow('Outbox refused application.not_awarded data: "reference" is missing');
    expect(await statusOf(tag)).toEqual([]);
    const [person] = await ctx.dataSource.query('SELECT full_name AS "fullName" FROM users WHERE id = $1', [ids[0]]);
    expect(person.fullName).toBe('Test Person');
    await expect(ctx.dataSource.transaction((em) => outbox.addSelected(em, messages(null)))).resolves.toBe(2);
  });

  it('refuses a message given with a declared field missing, or with one the type does not declare', async () => {
    const { user } = await createUser(ctx);
    const outbox = ctx.app.get(Outbox);
    const reset = (data: Record<string, unknown>) =>
      ctx.dataSource.transaction((em) =>
        outbox.add(em, { recipientId: user.id, type: 'password.reset', data, dedupeKey: `refused:${user.id}` }),
      );
    const expiresAt = new Date(Date.now() + 3600000).toISOString();
    await expect(reset({ tokenId: user.id })).rejects.toThrow(
      'Outbox refused password.reset data: "expiresAt" is missing',
    );
    await expect(reset({ tokenId: user.id, expiresAt, email: user.email })).rejects.toThrow(
      '"email" is not a field of password.reset',
    );
    expect(await statusOf(`refused:${user.id}`)).toEqual([]);
  });

  it(
    'a permanent 5xx rejection fails that message at once and only that one',
    async () => {
      const bounced = await createUser(ctx, { email: `bounce-${Date.now()}@example.kz` });
      const fine = await createUser(ctx);
      for (const who of [bounced, fine]) {
        await ctx.http().post('/api/auth/password-reset/request').send({ email: who.user.email }).expect(202);
      }
      await sink.waitFor(1, 15000, (m) => m.to.includes(fine.user.email));
      const failed = await waitFor(
        async () => {
          const rows = await ctx.dataSource.query(
            `SELECT status, send_attempts AS "sendAttempts", last_error AS "lastError" FROM notifications WHERE recipient_id = $1`,
            [bounced.user.id],
          );
          return rows[0]?.status === 'failed' ? rows[0] : undefined;
        },
        15000,
        'the bounced message to fail',
      );
      expect(failed.sendAttempts).toBe(1);
      expect(failed.lastError).toBe('SMTP 550 5.1.1 after RCPT TO');

      const list = await ctx
        .http()
        .get('/api/notifications')
        .query({ status: 'failed' })
        .set(cast.admin.auth)
        .expect(200);
      expect(list.body.items.map((n: { recipientId: string }) => n.recipientId)).toContain(bounced.user.id);
      expect(JSON.stringify(list.body)).not.toContain(bounced.user.email);
      await ctx.http().get('/api/notifications').set(cast.manager.auth).expect(403);
    },
    15000 + 15000 + 10000,
  );

  it(
    'admins retry a failed message; it is sent once the cause is fixed',
    async () => {
      const { user } = await createUser(ctx, { email: `bounce-retry-${Date.now()}@example.kz` });
      await ctx.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
      const [row] = await waitFor(
        async () => {
          const rows = await ctx.dataSource.query(`SELECT id, status FROM notifications WHERE recipient_id = $1`, [
            user.id,
          ]);
          return rows[0]?.status === 'failed' ? rows : undefined;
        },
        15000,
        'the message to fail',
      );
      const fixedEmail = `fixed-${Date.now()}@example.kz`;
      await ctx.dataSource.query('UPDATE users SET email = $2 WHERE id = $1', [user.id, fixedEmail]);
      const retried = await ctx.http().post(`/api/notifications/${row.id}/retry`).set(cast.admin.auth).expect(200);
      expect(retried.body.status).toBe('pending');
      const [mail] = await sink.waitFor(1, 15000, (m) => m.to.includes(fixedEmail));
      expect(mail.messageId).toBe(`<${row.id}@startup.local>`);
      const notFailed = await ctx.http().post(`/api/notifications/${row.id}/retry`).set(cast.admin.auth);
      expect([409]).toContain(notFailed.status);
      expect(notFailed.body.code).toBe('NOTIFICATION.NOT_FAILED');
      await ctx.http().post('/api/notifications/retry-failed').set(cast.admin.auth).expect(200);
    },
    15000 + 15000 + 10000,
  );

  it(
    'SMTP down, then up: the message arrives after retries',
    async () => {
      await sink.stop();
      const { email } = await register();
      await waitFor(
        async () => {
          const rows = await ctx.dataSource.query(
            `SELECT send_attempts AS n FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.email = $1`,
            [email],
          );
          return rows[0]?.n >= 1 ? true : undefined;
        },
        15000,
        'a failed send attempt',
      );
      await sink.listen();
      const [mail] = await sink.waitFor(1, 20000, (m) => m.to.includes(email));
      expect(mail.subject).not.toBe('');
    },
    15000 + 20000 + 10000,
  );

  it(
    'rows a dead relay left claimed, or whose job Redis lost, are sent again (once)',
    async () => {
      const [abandoned, lost] = [await createUser(ctx), await createUser(ctx)];
      const insert = (recipientId: string, status: string, extra: string) =>
        ctx.dataSource.query(
          `INSERT INTO notifications (recipient_id, type, data, dedupe_key, status, lease_until, queued_at)
         VALUES ($1, 'password.reset', $2, $3, $4, ${extra}) RETURNING id`,
          [
            recipientId,
            JSON.stringify({ tokenId: recipientId, expiresAt: new Date(Date.now() + 3600000).toISOString() }),
            `recovery:${recipientId}`,
            status,
          ],
        );
      // A relay claimed this row and died before queueing it: its lease has run out.
      const [[claimed]] = [await insert(abandoned.user.id, 'claimed', `now() - interval '1 second', NULL`)];
      // This row was queued, but its job is not in Redis (lost with a Redis that keeps nothing on disk).
      const [[queued]] = [await insert(lost.user.id, 'queued', `NULL, now() - interval '1 hour'`)];
      const [first] = await sink.waitFor(1, 15000, (m) => m.to.includes(abandoned.user.email));
      const [second] = await sink.waitFor(1, 15000, (m) => m.to.includes(lost.user.email));
      expect(first.messageId).toBe(`<${claimed.id}@startup.local>`);
      expect(second.messageId).toBe(`<${queued.id}@startup.local>`);
      // A relay pass (its lost-job recovery included) has run after them once a sentinel is through.
      await sentinelDelivered(ctx, sink, cast.admin.user.id, SENTINEL_MS);
      expect(sink.to(abandoned.user.email)).toHaveLength(1);
      expect(sink.to(lost.user.email)).toHaveLength(1);
    },
    15000 + 15000 + SENTINEL_MS + 10000,
  );

  it('the queue dashboard is for admins only', async () => {
    await ctx.http().get('/admin/queues').expect(401);
    await ctx.http().get('/admin/queues').set(cast.manager.auth).expect(403);
    await ctx.http().get('/admin/queues').set(cast.admin.auth).expect(200);
    const redirect = await ctx.http().get('/admin/queues').query({ token: cast.admin.token }).expect(302);
    expect(redirect.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
  });
});
