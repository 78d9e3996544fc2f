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
import { messageDataFields, messageDataProblems } from './mail/message-data';
import { MessageType } from './mail/message-types';
import { NotificationsRepository } from './notifications.repository';

/**
 * Messages built by a query of the repository whose module owns their cause, for causes that reach
 * thousands of people at once (a round's results): a SELECT with the columns recipient_id, data
 * (jsonb, the fields message-types.ts declares for `type`) and dedupe_key. The outbox checks every
 * row's data before it writes any (Outbox.addSelected).
 */
export interface MessageQuery<T extends MessageType = MessageType> {
  type: T;
  sql: string;
  params: unknown[];
}

export interface OutboxMessage {
  recipientId: string;
  type: MessageType;
  /** Ids and display values; never contact data (read from the recipient when sending). */
  data: Record<string, unknown>;
  /** The same key never produces a second message. */
  dedupeKey: string;
}

/** A message the sender could not turn into its mail is a bug of its cause: refused before it is written. */
function badData(type: MessageType, data: unknown): Error {
  const problems = messageDataProblems(type, data);
  return new Error(`Outbox refused ${type} data: ${problems.length ? problems.join('; ') : JSON.stringify(data)}`);
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

  /** Returns how many were new (a message whose dedupe key exists is not written again). */
  async addMany(em: EntityManager, messages: OutboxMessage[]): Promise<number> {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Outbox.add must run inside the transaction of its cause');
    const bad = messages.find((m) => messageDataProblems(m.type, m.data).length > 0);
    if (bad) throw badData(bad.type, bad.data);
    const ids = await this.notifications.insertMany(em, messages);
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...ids]);
    return ids.length;
  }

  /**
   * Many messages built by a query of the cause's own repository, in the cause's transaction: for
   * causes that reach thousands of people at once (a round's results). Every row's data is checked
   * in SQL against the fields declared for its type; one bad row refuses them all (and the cause
   * rolls back). The relay sends them; nothing is dispatched from the request.
   */
  async addSelected(em: EntityManager, messages: MessageQuery): Promise<number> {
    if (!em.queryRunner?.isTransactionActive)
      throw new Error('Outbox.addSelected must run inside the transaction of its cause');
    const { inserted, refused } = await this.notifications.insertSelected(
      em,
      messages,
      messageDataFields(messages.type),
    );
    if (refused) throw badData(messages.type, refused.data);
    return inserted;
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
