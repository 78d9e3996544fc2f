import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MessageDataFields } from './mail/message-data';
import { NotificationStatus } from './domain/notification-status';
import { Notification } from './entities/notification.entity';

export interface NewNotification {
  recipientId: string;
  type: string;
  data: Record<string, unknown>;
  dedupeKey: string;
}

export interface Claimed {
  id: string;
  generation: number;
  relayAttempts: number;
}

/** A row taken for sending, with what is needed of its recipient (read at send time, never stored). */
export interface SendingRow {
  id: string;
  type: string;
  data: Record<string, unknown>;
  email: string;
  fullName: string;
  preferredLanguage: string;
  active: boolean;
}

const CLAIMED_COLUMNS = 'id, generation, relay_attempts AS "relayAttempts"';

/** The outbox table; every method is one statement, so none holds a transaction open for long. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts in the caller's transaction; rows whose dedupe key exists are skipped. Returns new ids. */
  async insertMany(em: EntityManager, rows: NewNotification[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO notifications (recipient_id, type, data, dedupe_key)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.recipientId),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => r.dedupeKey),
      ],
    );
    return inserted.map((r) => r.id);
  }

  /**
   * Writes one message per row of the query, in the caller's transaction and without a round trip
   * per row, unless the data of any row lacks a required field (or gives it as null) or carries one
   * not allowed: then it writes none and returns the first such data. Returns how many were new.
   */
  async insertSelected(
    em: EntityManager,
    messages: { type: string; sql: string; params: unknown[] },
    fields: MessageDataFields,
  ): Promise<{ inserted: number; refused: { data: unknown } | null }> {
    const n = messages.params.length;
    const [row]: { inserted: number; refused: boolean; data: unknown }[] = await em.query(
      `WITH m AS MATERIALIZED (${messages.sql}),
       refused AS (
         SELECT m.data FROM m
          WHERE (jsonb_typeof(m.data) = 'object' AND m.data ?& $${n + 2}::text[]
                 AND NOT EXISTS (SELECT 1 FROM jsonb_each(m.data) f
                                  WHERE f.key <> ALL($${n + 3}::text[]) OR (f.value = 'null'::jsonb AND f.key = ANY($${n + 2}::text[]))))
                IS NOT TRUE
          LIMIT 1
       ), inserted AS (
         INSERT INTO notifications (recipient_id, type, data, dedupe_key)
         SELECT m.recipient_id, $${n + 1}, m.data, m.dedupe_key FROM m WHERE NOT EXISTS (SELECT 1 FROM refused)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1
       )
       SELECT (SELECT count(*) FROM inserted)::int AS inserted, EXISTS (SELECT 1 FROM refused) AS refused,
              (SELECT data FROM refused) AS data`,
      [...messages.params, messages.type, fields.required, fields.allowed],
    );
    return { inserted: row.inserted, refused: row.refused ? { data: row.data } : null };
  }

  /**
   * Takes a short lease on due rows (pending and available, or claimed by a relay whose lease ran
   * out), skipping rows another relay is claiming right now. With `ids`, only those rows.
   */
  async claim(limit: number, leaseMs: number, ids?: string[]): Promise<Claimed[]> {
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE notifications n SET status = 'claimed', lease_until = now() + make_interval(secs => $2 / 1000.0), updated_at = now()
        WHERE n.id IN (
          SELECT id FROM notifications
           WHERE ((status = 'pending' AND available_at <= now()) OR (status = 'claimed' AND lease_until < now()))
             AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
           ORDER BY available_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
      RETURNING ${CLAIMED_COLUMNS}`,
      [limit, leaseMs, ids ?? null],
    );
    return rows;
  }

  async markQueued(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'queued', queued_at = now(), lease_until = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'claimed'`,
      [ids],
    );
  }

  /** Redis refused or timed out: back to pending, due again after `delayMs`. */
  async release(ids: string[], delayMs: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'pending', lease_until = NULL, relay_attempts = relay_attempts + 1,
              available_at = now() + make_interval(secs => $2 / 1000.0), last_error = $3, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'claimed'`,
      [ids, delayMs, error.slice(0, 1000)],
    );
  }

  /** Rows queued or being sent for longer than `olderThanMs` (their job may be lost with Redis). */
  async findStale(olderThanMs: number, limit: number): Promise<Claimed[]> {
    return this.dataSource.query(
      `SELECT ${CLAIMED_COLUMNS} FROM notifications
        WHERE (status = 'queued' AND queued_at < now() - make_interval(secs => $1 / 1000.0))
           OR (status = 'sending' AND lease_until < now() - make_interval(secs => $1 / 1000.0))
        ORDER BY updated_at LIMIT $2`,
      [olderThanMs, limit],
    );
  }

  /** A new generation, so the new job id differs from the lost (or dead) job's. */
  async requeueLost(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'pending', generation = generation + 1, available_at = now(), lease_until = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'sending')`,
      [ids],
    );
  }

  /**
   * Takes the row for sending, with a lease, and reads its recipient in the same statement.
   * Refused (null) when it is sent, failed, or another sender holds a live lease on it.
   */
  async startSending(id: string, leaseMs: number): Promise<SendingRow | null> {
    const rows: SendingRow[] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE notifications SET status = 'sending', send_attempts = send_attempts + 1,
                lease_until = now() + make_interval(secs => $2 / 1000.0), updated_at = now()
          WHERE id = $1 AND (status IN ('pending', 'claimed', 'queued') OR (status = 'sending' AND lease_until < now()))
         RETURNING id, recipient_id, type, data)
       SELECT t.id, t.type, t.data, u.email, u.full_name AS "fullName", u.preferred_language AS "preferredLanguage", u.active
         FROM taken t JOIN users u ON u.id = t.recipient_id`,
      [id, leaseMs],
    );
    return rows[0] ?? null;
  }

  async statusOf(
    id: string,
  ): Promise<{ status: NotificationStatus; leaseUntil: Date | null; generation: number } | null> {
    const rows: { status: NotificationStatus; leaseUntil: Date | null; generation: number }[] =
      await this.dataSource.query(
        'SELECT status, lease_until AS "leaseUntil", generation FROM notifications WHERE id = $1',
        [id],
      );
    return rows[0] ?? null;
  }

  async markSent(id: string, outcome: { language: string; messageId: string; response: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL, language = $2,
              provider_message_id = $3, provider_response = $4, updated_at = now()
        WHERE id = $1 AND status = 'sending'`,
      [id, outcome.language, outcome.messageId, outcome.response.slice(0, 1000)],
    );
  }

  /** A retryable failure: the row waits for the queue's next attempt. */
  async markRetrying(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'queued', queued_at = now(), lease_until = NULL, last_error = $2, updated_at = now()
        WHERE id = $1 AND status = 'sending'`,
      [id, error.slice(0, 1000)],
    );
  }

  /** Fails the row unless it was sent meanwhile; `generation` guards against a job of an older round. */
  async markFailed(id: string, error: string, generation?: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed', failed_at = now(), lease_until = NULL, last_error = $2, updated_at = now()
        WHERE id = $1 AND status IN ('sending', 'queued', 'claimed', 'pending') AND ($3::int IS NULL OR generation = $3)`,
      [id, error.slice(0, 1000), generation ?? null],
    );
  }

  /** Failed rows back to pending with a new job generation; returns the ids retried. */
  async retryFailed(em: EntityManager, ids: string[] | 'all'): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await em.query(
      `UPDATE notifications SET status = 'pending', generation = generation + 1, available_at = now(), failed_at = NULL,
              send_attempts = 0, relay_attempts = 0, updated_at = now()
        WHERE status = 'failed' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
      RETURNING id`,
      [ids === 'all' ? null : ids],
    );
    return rows.map((r) => r.id);
  }

  async findById(id: string): Promise<Notification | null> {
    return this.dataSource.manager.findOneBy(Notification, { id });
  }

  async list(filter: {
    statuses: NotificationStatus[];
    type?: string;
    recipientId?: string;
    limit: number;
    offset: number;
  }): Promise<[Notification[], number]> {
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.status = ANY(:statuses)', { statuses: filter.statuses })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id');
    if (filter.type) query.andWhere('n.type = :type', { type: filter.type });
    if (filter.recipientId) query.andWhere('n.recipientId = :recipientId', { recipientId: filter.recipientId });
    return query.take(filter.limit).skip(filter.offset).getManyAndCount();
  }
}
