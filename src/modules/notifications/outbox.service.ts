import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { Dispatcher } from './dispatcher';
import { MessageType } from './mail/message-types';
import { NotificationsRepository } from './notifications.repository';

export interface OutboxMessage {
  recipientId: string;
  type: MessageType;
  /** Ids and display values; never contact data (read from the recipient when sending). */
  data: Record<string, unknown>;
  /** The same key never produces a second message. */
  dedupeKey: string;
}

/** Above this many rows, the relay picks them up instead of the request that made them. */
const DISPATCH_ON_COMMIT_LIMIT = 100;

/**
 * The one helper every module calls: writes messages in the caller's transaction. After that
 * transaction commits, the rows are dispatched at once (usually milliseconds to the inbox); if
 * that fails, or the process dies first, the worker's relay sends them. A rollback sends nothing.
 */
@Injectable()
export class Outbox implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(Outbox.name);
  private readonly pending = new WeakMap<QueryRunner, string[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly dispatcher: Dispatcher,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async add(em: EntityManager, message: OutboxMessage): Promise<void> {
    await this.addMany(em, [message]);
  }

  async addMany(em: EntityManager, messages: OutboxMessage[]): Promise<void> {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Outbox.add must run inside the transaction of its cause');
    const ids = await this.notifications.insertMany(em, messages);
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...ids]);
  }

  /**
   * Many messages built by a query (columns recipient_id, data, dedupe_key) in the cause's
   * transaction: for causes that reach thousands of people at once (a round's results). The relay
   * sends them; nothing is dispatched from the request.
   */
  async addSelected(em: EntityManager, type: MessageType, select: string, params: unknown[]): Promise<number> {
    if (!em.queryRunner?.isTransactionActive)
      throw new Error('Outbox.addSelected must run inside the transaction of its cause');
    return this.notifications.insertSelected(em, type, select, params);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint, not the outer commit
    const ids = this.pending.get(runner);
    this.pending.delete(runner);
    if (!ids?.length || ids.length > DISPATCH_ON_COMMIT_LIMIT) return;
    // Not awaited: the request does not wait for Redis; the relay covers any failure.
    this.dispatcher
      .dispatch(ids)
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Dispatch after commit failed; the relay will retry'),
      );
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
