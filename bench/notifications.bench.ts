/**
 * End-to-end notification throughput: N outbox rows committed -> relay -> BullMQ -> sender ->
 * SMTP sink, against the same N sent straight through pooled nodemailer to the same sink.
 *
 *   npm run bench -- notifications [--n 2000]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { noDelaySocket, smtpOptions } from '../src/modules/notifications/mail/mail-transport';
import { Outbox } from '../src/modules/notifications/outbox.service';
import { UsersService } from '../src/modules/users/users.service';
import { WorkerModule } from '../src/worker.module';
import { AppModule } from '../src/app.module';
import { benchConfig, clearBenchRedis, createBenchDatabase } from './bench-database';

interface Sink {
  server: SMTPServer;
  port: number;
  received: () => number;
  reset: () => void;
}

async function startSink(): Promise<Sink> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS per connection: this machine has no resolver to ask, and each lookup stalls.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count += 1;
        callback();
      });
    },
  });
  // Reply at once instead of waiting for the peer's delayed ACK (Nagle): a local sink should not be the bottleneck.
  server.server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { server, port, received: () => count, reset: () => (count = 0) };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function benchNotifications(n: number): Promise<void> {
  const { admin, name, url } = await createBenchDatabase('notifications');
  const sink = await startSink();
  const config = benchConfig(name, url, { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, RELAY_INTERVAL_MS: '50' });
  let api: INestApplicationContext | undefined;
  let worker: INestApplicationContext | undefined;
  try {
    api = await NestFactory.createApplicationContext(AppModule, { logger: false });
    await runMigrationsUnderLock(api.get(DataSource));
    const users = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api!.get(UsersService).create(
          {
            email: `bench-${i}@example.kz`,
            password: 'bench-password-1',
            fullName: `Bench ${i}`,
            preferredLanguage: (['kk', 'ru', 'en'] as const)[i % 3],
            roles: ['applicant'],
          },
          null,
        ),
      ),
    );
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });

    const outbox = api.get(Outbox);
    const dataSource = api.get(DataSource);
    const started = performance.now();
    for (let offset = 0; offset < n; offset += 100) {
      const batch = Array.from({ length: Math.min(100, n - offset) }, (_, i) => {
        const recipient = users[(offset + i) % users.length];
        return {
          recipientId: recipient.id,
          type: 'password.reset' as const,
          data: { tokenId: randomUUID(), expiresAt: new Date(Date.now() + 3600_000).toISOString() },
          dedupeKey: `bench:${offset + i}`,
        };
      });
      await dataSource.transaction((em) => outbox.addMany(em, batch));
    }
    await waitUntil(() => sink.received() >= n, 600_000);
    const pipelineSeconds = (performance.now() - started) / 1000;

    sink.reset();
    // The same pooled transport settings the sender uses (TCP_NODELAY included), minus the pipeline.
    const direct = createTransport({
      ...smtpOptions(config.smtpUrl!),
      pool: true,
      maxConnections: config.smtpPoolSize,
      getSocket: noDelaySocket,
    } as Parameters<typeof createTransport>[0]);
    const sample = {
      from: config.mailFrom,
      subject: 'Құпия сөзді қалпына келтіру',
      text: 'x'.repeat(900),
      html: `<p>${'x'.repeat(2500)}</p>`,
    };
    const directStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: config.senderConcurrency }, async () => {
        while (next < n) {
          const i = next++;
          await direct.sendMail({
            ...sample,
            to: `bench-${i % 50}@example.kz`,
            messageId: `<${randomUUID()}@startup.local>`,
          });
        }
      }),
    );
    await waitUntil(() => sink.received() >= n, 600_000);
    const directSeconds = (performance.now() - directStarted) / 1000;
    direct.close();

    const pipelineRate = n / pipelineSeconds;
    const directRate = n / directSeconds;
    console.log(
      JSON.stringify(
        {
          bench: 'notifications',
          n,
          pipeline: { seconds: +pipelineSeconds.toFixed(2), perSecond: Math.round(pipelineRate) },
          directNodemailer: { seconds: +directSeconds.toFixed(2), perSecond: Math.round(directRate) },
          ratio: +(pipelineRate / directRate).toFixed(2),
          smtpPool: config.smtpPoolSize,
          senderConcurrency: config.senderConcurrency,
        },
        null,
        2,
      ),
    );
  } finally {
    await worker?.close();
    await api?.close();
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
    await clearBenchRedis(config);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
