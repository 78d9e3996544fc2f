import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { requestHash } from './domain/request-hash';
import { IdempotencyErrors as E } from './idempotency.errors';
import { IdempotencyRepository } from './idempotency.repository';

/** A checked Idempotency-Key header (`@IdempotencyKeyHeader()`), with the status its route answers with. */
export interface IdempotencyKey {
  value: string;
  /** Stored with the key as the status of the first response. */
  responseStatus: number;
}

export interface IdempotentRequest {
  actorId: string;
  key: IdempotencyKey;
  /** The operation and its target, such as `payment.record:<trancheId>`. */
  scope: string;
  /** The validated request body; hashed in canonical form with the scope. */
  body: unknown;
}

export interface IdempotentOutcome<T> {
  body: T;
  /** True when this is the stored answer to an earlier request with the same key and body. */
  replayed: boolean;
}

/**
 * DESIGN.md section 7: the same key and body replays the first response; the same key with
 * another body is refused. Runs inside the caller's transaction, so the key is stored together
 * with the change it answers for: a change that rolls back (a refusal, a crash) frees the key, and
 * a retry with it is a new attempt. Only successful responses are ever stored.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async run<T>(em: EntityManager, request: IdempotentRequest, work: () => Promise<T>): Promise<IdempotentOutcome<T>> {
    if (!em.queryRunner?.isTransactionActive)
      throw new Error('IdempotencyService.run must run inside the transaction of the change it guards');
    const { actorId, key } = request;
    const hash = requestHash(request.scope, request.body);
    if (await this.keys.claim(em, actorId, key.value, request.scope, hash)) {
      const body = await work();
      await this.keys.complete(em, actorId, key.value, key.responseStatus, body);
      return { body, replayed: false };
    }
    const stored = await this.keys.find(em, actorId, key.value);
    // Taken a moment ago and gone already: only a clean-up of old keys can do that.
    if (!stored) throw new DomainError(E.KEY_IN_USE);
    if (stored.requestHash !== hash) throw new DomainError(E.KEY_REUSED);
    return { body: stored.responseBody as T, replayed: true };
  }
}
