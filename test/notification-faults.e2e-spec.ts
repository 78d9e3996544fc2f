import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Dispatcher } from '../src/modules/notifications/dispatcher';
import { Outbox, OutboxMessage } from '../src/modules/notifications/outbox.service';
import { databaseUrl } from './helpers/databases';
import { createPlaces, createUser, TestUser } from './helpers/factories';
import { sentinelDelivered } from './helpers/mail-barrier';
import { startScript, waitFor } from './helpers/processes';
import { ReceivedMail, SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestContext } from './helpers/test-app';
import { ThrowawayRedis } from './helpers/throwaway-redis';
import { startWorker } from './helpers/worker-context';

/**
 * The notification pipeline under faults, with real PostgreSQL, Redis and SMTP: Redis down while
 * people register, two relays at once, a worker process killed in the middle of a send, SMTP down
 * when the worker starts. "Exactly once" is counted by Message-ID, which is `<row id@startup.local>`.
 */

const FAST = { RELAY_INTERVAL_MS: '100', NOTIFICATION_BACKOFF_MS: '100' };
/**
 * Budgets on a busy machine: a relay pass and a send take well under a second on an idle one, and a
 * worker process starts from the build in about 2 s; two cores shared with other work stretched
 * that past 20 s.
 */
const SENTINEL_MS = 20000;
const WORKER_START_MS = 60000;
/** Setting up or closing apps, workers and servers of a block. */
const HOOK_MS = 60000;
/** A registration while Redis is down: it must answer, not wait on the queue (0.2 s idle, seconds loaded). */
const REQUEST_MS = 15000;

interface Row {
  id: string;
  status: string;
  sendAttempts: number;
  relayAttempts: number;
  providerMessageId: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageIdOf = (rowId: string) => `<${rowId}@startup.local>`;

async function rowsWhere(ctx: TestContext, where: string, params: unknown[]): Promise<Row[]> {
  return ctx.dataSource.query(
    `SELECT id, status, send_attempts AS "sendAttempts", relay_attempts AS "relayAttempts", provider_message_id AS "providerMessageId"
       FROM notifications WHERE ${where} ORDER BY id`,
    params,
  );
}

/** Waits until `count` rows match and all of them are sent; fails with what it last saw. */
async function waitUntilSent(
  ctx: TestContext,
  where: string,
  params: unknown[],
  count: number,
  timeoutMs: number,
): Promise<Row[]> {
  let last: Row[] = [];
  try {
    return await waitFor(
      async () => {
        last = await rowsWhere(ctx, where, params);
        return last.length === count && last.every((r) => r.status === 'sent') ? last : undefined;
      },
      timeoutMs,
      `${count} notifications to be sent`,
    );
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; last seen: ${JSON.stringify(last.map((r) => [r.status, r.sendAttempts, r.relayAttempts]))}`,
    );
  }
}

/** How many copies of each message (by Message-ID) the sink received, among the given rows. */
function copiesPerRow(sink: SmtpSink, rows: Row[]): Map<string, number> {
  const wanted = new Set(rows.map((r) => messageIdOf(r.id)));
  const copies = new Map<string, number>(rows.map((r) => [messageIdOf(r.id), 0]));
  for (const mail of sink.messages) {
    if (wanted.has(mail.messageId)) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
  }
  return copies;
}

function expectEachReceivedOnce(sink: SmtpSink, rows: Row[]): void {
  const copies = copiesPerRow(sink, rows);
  expect([...copies.values()].filter((n) => n !== 1)).toEqual([]);
  expect(copies.size).toBe(rows.length);
  for (const row of rows) expect(row.providerMessageId).toBe(messageIdOf(row.id));
}

function resetMessages(tag: string, recipients: TestUser[], count: number): OutboxMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    recipientId: recipients[i % recipients.length].user.id,
    type: 'password.reset' as const,
    data: { tokenId: randomUUID(), expiresAt: new Date(Date.now() + 3600000).toISOString() },
    dedupeKey: `${tag}:${i}`,
  }));
}

describe('notifications: Redis stopped while applicants register', () => {
  let redis: ThrowawayRedis | undefined;
  let sink: SmtpSink | undefined;
  let ctx: TestContext | undefined;
  let worker: INestApplicationContext | undefined;
  let villageId: string;
  let adminId: string;

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    sink = await SmtpSink.start();
    const overrides = {
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      RELAY_INTERVAL_MS: '100',
      QUEUE_ADD_TIMEOUT_MS: '300',
      NOTIFICATION_BACKOFF_MS: '100',
      STALE_QUEUED_MS: '1000',
    };
    ctx = await createTestApp(overrides);
    worker = await startWorker(ctx.databaseName, overrides);
    const admin = await createUser(ctx, { roles: ['admin'] });
    adminId = admin.user.id;
    villageId = (await createPlaces(ctx, admin.user.id, 1)).villageIds[0];
  }, HOOK_MS);

  afterAll(async () => {
    // The worker and the app let go of Redis (and the app clears its keys) against a live server.
    await redis?.up().catch(() => undefined);
    await worker?.close();
    await ctx?.close();
    await redis?.down();
    await sink?.stop();
  }, HOOK_MS);

  it(
    'every registration succeeds at once; nothing is sent until Redis returns, then each message arrives exactly once',
    async () => {
      const app = ctx!;
      const mailbox = sink!;
      await redis!.down();

      const emails = Array.from({ length: 5 }, (_, i) => `outage-${i}-${randomUUID().slice(0, 8)}@example.kz`);
      const registrations = await Promise.all(
        emails.map(async (email) => {
          // The request does not wait on the queue (a wait would outlast the budget: queue.add waits as
          // long as Redis is down); only the api's rate limiter talks to Redis, and it fails open after
          // one reconnect try.
          const res = await app.http().post('/api/auth/register').timeout(REQUEST_MS).send({
            email,
            password: 'a-long-enough-password',
            fullName: 'Арман Серікұлы',
            preferredLanguage: 'ru',
            homeVillageId: villageId,
          });
          return { status: res.status, userId: (res.body as { user?: { id: string } }).user?.id };
        }),
      );
      expect(registrations.map((r) => r.status)).toEqual(emails.map(() => 201));
      const userIds = registrations.map((r) => r.userId!);
      const where = `recipient_id = ANY($1::uuid[]) AND type = 'account.registered'`;

      // The post-commit dispatch and the relay both try, fail within QUEUE_ADD_TIMEOUT_MS, and hand the rows back.
      const tried = await waitFor(
        async () => {
          const rows = await rowsWhere(app, where, [userIds]);
          return rows.length === emails.length && rows.every((r) => r.relayAttempts >= 2) ? rows : undefined;
        },
        15000,
        'the relay to have tried every row at least twice',
      );
      // One more failed pass over every row after that: still nothing may have gone out.
      const during = await waitFor(
        async () => {
          const rows = await rowsWhere(app, where, [userIds]);
          return rows.every((r, i) => r.relayAttempts > tried[i].relayAttempts) ? rows : undefined;
        },
        15000,
        'another relay pass over every row',
      );
      expect(during.map((r) => r.status).filter((s) => s !== 'pending' && s !== 'claimed')).toEqual([]);
      expect(mailbox.messages.filter((m) => emails.some((e) => m.to.includes(e)))).toEqual([]);

      await redis!.up();
      const rows = await waitUntilSent(app, where, [userIds], emails.length, 25000);
      // The relay's lost-job recovery (STALE_QUEUED_MS) has had its passes once a message written after is through.
      await sentinelDelivered(app, mailbox, adminId, SENTINEL_MS);
      expectEachReceivedOnce(mailbox, rows);
      for (const email of emails) {
        const received = mailbox.to(email);
        expect(received).toHaveLength(1);
        expect(received[0].language).toBe('ru');
        expect(received[0].text).toContain('Арман Серікұлы');
      }
      expect((await rowsWhere(app, where, [userIds])).map((r) => r.status)).toEqual(emails.map(() => 'sent'));
    },
    REQUEST_MS + 15000 + 15000 + 25000 + SENTINEL_MS + 10000,
  );
});

describe('notifications: two relays at once', () => {
  let sink: SmtpSink | undefined;
  let ctx: TestContext | undefined;
  const workers: INestApplicationContext[] = [];
  let recipients: TestUser[];
  /** Rows queued by each dispatcher (the api's post-commit dispatch, relay A, relay B). */
  const queuedBy = new Map<string, number>();

  /** The api's post-commit dispatch can be slowed (a busy api), so the relays reach its rows first. */
  let apiDelayMs: () => number = () => 0;

  /** Dispatches under way (a slowed post-commit dispatch may still be running once every row is sent). */
  const inFlight = new Set<Promise<number>>();

  const countQueued = (name: string, dispatcher: Dispatcher) => {
    const dispatch = dispatcher.dispatch.bind(dispatcher);
    jest.spyOn(dispatcher, 'dispatch').mockImplementation((ids?: string[]) => {
      const counted = (async () => {
        if (name === 'api' && ids) await sleep(apiDelayMs());
        const queued = await dispatch(ids);
        queuedBy.set(name, (queuedBy.get(name) ?? 0) + queued);
        return queued;
      })();
      inFlight.add(counted);
      const forget = () => inFlight.delete(counted);
      counted.then(forget, forget);
      return counted;
    });
  };

  /** Every row sent, a sentinel through the relays after them, and every dispatch begun before it finished. */
  const settle = async (app: TestContext) => {
    await sentinelDelivered(app, sink!, recipients[0].user.id, SENTINEL_MS);
    await Promise.allSettled([...inFlight]);
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // Small batches, so the two relays keep taking turns on the same rows.
    const overrides = { ...FAST, SMTP_URL: sink.url, RELAY_BATCH_SIZE: '5' };
    ctx = await createTestApp(overrides);
    workers.push(await startWorker(ctx.databaseName, overrides));
    workers.push(await startWorker(ctx.databaseName, overrides));
    countQueued('api', ctx.app.get(Dispatcher));
    countQueued('relay A', workers[0].get(Dispatcher));
    countQueued('relay B', workers[1].get(Dispatcher));
    recipients = await Promise.all(Array.from({ length: 6 }, () => createUser(ctx!)));
  }, HOOK_MS);

  beforeEach(() => {
    queuedBy.clear();
    apiDelayMs = () => 0;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    for (const worker of workers) await worker.close();
    await ctx?.close();
    await sink?.stop();
  }, HOOK_MS);

  const totalQueued = () => [...queuedBy.values()].reduce((a, b) => a + b, 0);

  it(
    'rows only the relays see (one transaction above the post-commit limit) are each sent once',
    async () => {
      const app = ctx!;
      const tag = `relays-${randomUUID().slice(0, 8)}`;
      await app.dataSource.transaction((em) => app.app.get(Outbox).addMany(em, resetMessages(tag, recipients, 120)));
      const rows = await waitUntilSent(app, 'dedupe_key LIKE $1', [`${tag}:%`], 120, 30000);
      const beforeSentinel = new Map(queuedBy);
      await settle(app);
      expectEachReceivedOnce(sink!, rows);
      expect(rows.filter((r) => r.sendAttempts !== 1)).toEqual([]);
      expect(queuedBy.get('api') ?? 0).toBe(0);
      // Each row queued once, and the sentinel.
      expect(totalQueued()).toBe(120 + 1);
      // Both relays took part (batches of 5, so neither drains all 120 before the other's turn).
      expect(beforeSentinel.get('relay A')).toBeGreaterThan(0);
      expect(beforeSentinel.get('relay B')).toBeGreaterThan(0);
    },
    30000 + SENTINEL_MS + 10000,
  );

  it(
    'with the post-commit dispatch racing both relays, 60 rows from 12 transactions are each sent once',
    async () => {
      const app = ctx!;
      const tag = `race-${randomUUID().slice(0, 8)}`;
      const messages = resetMessages(tag, recipients, 60);
      // The k-th post-commit dispatch starts 0, 100, 200 or 300 ms after its commit: the relays (every
      // 100 ms) reach some rows first, and the api and the relays go for the same rows.
      let calls = 0;
      apiDelayMs = () => (calls++ % 4) * 100;
      await Promise.all(
        Array.from({ length: 12 }, (_, t) =>
          app.dataSource.transaction((em) => app.app.get(Outbox).addMany(em, messages.slice(t * 5, t * 5 + 5))),
        ),
      );
      const rows = await waitUntilSent(app, 'dedupe_key LIKE $1', [`${tag}:%`], 60, 30000);
      await settle(app);
      expectEachReceivedOnce(sink!, rows);
      expect(rows.filter((r) => r.sendAttempts !== 1)).toEqual([]);
      // Each row was queued exactly once, whoever claimed it (and the sentinel by a relay); the relays did take some.
      expect(totalQueued()).toBe(60 + 1);
      expect((queuedBy.get('relay A') ?? 0) + (queuedBy.get('relay B') ?? 0)).toBeGreaterThan(1);
    },
    30000 + SENTINEL_MS + 10000,
  );
});

describe('notifications: the worker process killed (SIGKILL) in the middle of a send', () => {
  type Child = ReturnType<typeof startScript>;
  let sink: SmtpSink | undefined;
  let ctx: TestContext | undefined;
  let villageId: string;
  let adminId: string;
  const children: Child[] = [];
  let env: Record<string, string>;

  const spawnWorker = (): Child => {
    const child = startScript('src/worker.ts', [], env);
    children.push(child);
    return child;
  };
  const alive = (child: Child) => child.exitCode === null && child.signalCode === null;

  /** Adds the worker's output to a failure, so a worker that did not start says why. */
  const explained = async <T>(child: Child, work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      const { code, signal, stdout, stderr } = child.output();
      throw new Error(
        `${(error as Error).message}\nworker exit=${code} signal=${signal}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`,
      );
    }
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // Two attempts only (jobs carry the producer's setting): retrying through the lease is no way out.
    ctx = await createTestApp({ ...FAST, SMTP_URL: sink.url, NOTIFICATION_ATTEMPTS: '2' });
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(ctx.databaseName),
      REDIS_URL: ctx.config.redisUrl,
      REDIS_PREFIX: ctx.config.redisPrefix,
      SMTP_URL: sink.url,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      // As with the defaults, the send lease outlives the job lock: the re-run job finds the dead
      // sender's lease still live and must wait it out (without spending an attempt), then send.
      JOB_LOCK_MS: '1000',
      SEND_LEASE_MS: '8000',
      NOTIFICATION_ATTEMPTS: '2',
      RELAY_INTERVAL_MS: '100',
      NOTIFICATION_BACKOFF_MS: '100',
    };
    const admin = await createUser(ctx, { roles: ['admin'] });
    adminId = admin.user.id;
    villageId = (await createPlaces(ctx, admin.user.id, 1)).villageIds[0];
  }, HOOK_MS);

  afterAll(async () => {
    for (const child of children) {
      if (alive(child)) child.kill('SIGKILL');
      await child.done;
    }
    sink?.release();
    await ctx?.close();
    await sink?.stop();
  }, HOOK_MS);

  /** The first worker starts and has the message on the wire; the second starts, waits out the dead one's lease, sends. */
  const HELD_MS = WORKER_START_MS + 10000;
  const RESENT_MS = WORKER_START_MS + 8000 + 10000;

  it(
    'the message is delivered after a restart, and every copy carries the same Message-ID',
    async () => {
      const app = ctx!;
      const mailbox = sink!;
      const first = spawnWorker();
      mailbox.hold();
      const email = `killed-${randomUUID().slice(0, 8)}@example.kz`;
      const res = await app
        .http()
        .post('/api/auth/register')
        .send({
          email,
          password: 'a-long-enough-password',
          fullName: 'Дана',
          preferredLanguage: 'en',
          homeVillageId: villageId,
        })
        .expect(201);
      const userId = (res.body as { user: { id: string } }).user.id;
      const where = `recipient_id = $1 AND type = 'account.registered'`;

      // The worker has written the whole message; the sink has not answered, so it is not yet "sent".
      const [held] = await explained(
        first,
        mailbox.waitFor(1, HELD_MS, (m) => m.to.includes(email)),
      );
      expect(held.acknowledged).toBe(false);
      const [during] = await rowsWhere(app, where, [userId]);
      expect(during.status).toBe('sending');

      first.kill('SIGKILL');
      expect((await first.done).signal).toBe('SIGKILL');
      mailbox.release();

      const second = spawnWorker();
      const [row] = await explained(second, waitUntilSent(app, where, [userId], 1, RESENT_MS));
      await sentinelDelivered(app, mailbox, adminId, SENTINEL_MS);
      const copies: ReceivedMail[] = mailbox.to(email);
      // The copy the killed worker wrote, and the one sent after the restart: the same message.
      expect(copies).toHaveLength(2);
      expect(copies.map((m) => m.messageId)).toEqual([messageIdOf(row.id), messageIdOf(row.id)]);
      expect(copies.map((m) => m.subject)).toEqual([copies[0].subject, copies[0].subject]);
      expect(row.providerMessageId).toBe(messageIdOf(row.id));
      expect(row.sendAttempts).toBe(2);
    },
    HELD_MS + RESENT_MS + SENTINEL_MS + 10000,
  );
});

describe('notifications: SMTP down when the worker starts, then up', () => {
  let sink: SmtpSink | undefined;
  let ctx: TestContext | undefined;
  let worker: INestApplicationContext | undefined;
  let recipients: TestUser[];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    await sink.stop();
    const overrides = { ...FAST, SMTP_URL: sink.url, NOTIFICATION_ATTEMPTS: '10' };
    ctx = await createTestApp(overrides);
    worker = await startWorker(ctx.databaseName, overrides);
    recipients = await Promise.all(Array.from({ length: 4 }, () => createUser(ctx!)));
  }, HOOK_MS);

  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await sink?.stop();
  }, HOOK_MS);

  it(
    'queued messages are retried and each arrives once when SMTP comes up',
    async () => {
      const app = ctx!;
      const mailbox = sink!;
      const tag = `smtp-down-${randomUUID().slice(0, 8)}`;
      for (const message of resetMessages(tag, recipients, 6)) {
        await app.dataSource.transaction((em) => app.app.get(Outbox).add(em, message));
      }
      await waitFor(
        async () => {
          const rows = await rowsWhere(app, 'dedupe_key LIKE $1', [`${tag}:%`]);
          return rows.length === 6 &&
            rows.every((r) => r.sendAttempts >= 1 && r.status !== 'sent' && r.status !== 'failed')
            ? rows
            : undefined;
        },
        15000,
        'a failed send attempt for every message',
      );
      expect(mailbox.messages).toEqual([]);

      await mailbox.listen();
      const rows = await waitUntilSent(app, 'dedupe_key LIKE $1', [`${tag}:%`], 6, 25000);
      await sentinelDelivered(app, mailbox, recipients[0].user.id, SENTINEL_MS);
      expectEachReceivedOnce(mailbox, rows);
    },
    15000 + 25000 + SENTINEL_MS + 10000,
  );
});
