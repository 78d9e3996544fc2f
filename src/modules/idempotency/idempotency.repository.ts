import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface StoredKey {
  scope: string;
  requestHash: string;
  responseStatus: number;
  responseBody: unknown;
}

/** Idempotency keys, always in the transaction of the change they answer for. */
@Injectable()
export class IdempotencyRepository {
  /**
   * Takes the key for this transaction: true when it was free. A concurrent transaction holding
   * the same key makes this wait until it ends; then the key is taken (false) or free again
   * (true, after a rollback). The response is filled in by `complete` before commit, so no
   * other transaction ever sees the placeholder.
   */
  async claim(em: EntityManager, actorId: string, key: string, scope: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO idempotency_keys (actor_id, key, scope, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, 0, 'null'::jsonb)
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING key`,
      [actorId, key, scope, requestHash],
    );
    return rows.length === 1;
  }

  async complete(em: EntityManager, actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await em.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb WHERE actor_id = $1 AND key = $2`,
      [actorId, key, status, JSON.stringify(body)],
    );
  }

  async find(em: EntityManager, actorId: string, key: string): Promise<StoredKey | null> {
    const rows: StoredKey[] = await em.query(
      `SELECT scope, request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    return rows[0] ?? null;
  }
}
