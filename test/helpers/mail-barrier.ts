import { randomUUID } from 'node:crypto';
import { SmtpSink } from './smtp-sink';
import { TestContext } from './test-app';

/**
 * A barrier for "nothing more was sent", instead of sleeping and then finding nothing: a sentinel
 * message goes through the same relay, queue, sender and SMTP server as the messages before it.
 * It is written straight into the outbox table, as a row only the relays see (no post-commit
 * dispatch), so once the sink holds it a relay pass has run after the test's messages and every
 * job queued before it (a duplicate or a stray among them) has been taken; a row already sent is
 * never sent again. Give it a recipient whose mail the test does not count, and count it where
 * the test counts what the relays queued. Returns the sentinel's Message-ID.
 */
export async function sentinelDelivered(
  ctx: TestContext,
  sink: SmtpSink,
  recipientId: string,
  timeoutMs: number,
): Promise<string> {
  const data = { tokenId: randomUUID(), expiresAt: new Date(Date.now() + 3600000).toISOString() };
  const [{ id }] = (await ctx.dataSource.query(
    `INSERT INTO notifications (recipient_id, type, data, dedupe_key) VALUES ($1, 'password.reset', $2, $3) RETURNING id`,
    [recipientId, JSON.stringify(data), `sentinel:${randomUUID()}`],
  )) as { id: string }[];
  const messageId = `<${id}@startup.local>`;
  await sink.waitFor(1, timeoutMs, (m) => m.messageId === messageId);
  return messageId;
}
