import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository, AuditFilter } from './audit.repository';
import { AuditAction } from './domain/audit-actions';
import { auditHash, ChainBreak, GENESIS_HASH, toJson, verifyRun } from './domain/audit-hash';
import { AuditEvent } from './entities/audit-event.entity';

export interface AuditEntry {
  /** The person who acted; null for the system (schedules, migrations of data). */
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** An event whose `after` is read from the changed row itself, once the change is made. */
export interface ReloadedEntry<T> extends Omit<AuditEntry, 'after'> {
  /** Reads the changed row again, with the transaction's manager. */
  reload: (em: EntityManager) => Promise<T | null>;
  /** What the audit log keeps of the row after the change. */
  after: (row: T) => unknown;
}

export interface AuditPageQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  afterSeq?: string;
  limit?: number;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  headSeq: string;
  firstBreak: ChainBreak | null;
}

const VERIFY_BATCH = 5000;

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records a state change inside the caller's transaction. Call it last in the transaction: it
   * holds the chain-head lock until commit, which orders concurrent writers.
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const head = await this.audit.lockHead(em);
    const event = new AuditEvent();
    event.seq = head.seq + 1n;
    event.occurredAt = head.now;
    event.actorId = entry.actorId;
    event.action = entry.action;
    event.entityType = entry.entityType;
    event.entityId = entry.entityId;
    event.before = toJson(entry.before) as Record<string, unknown> | null;
    event.after = toJson(entry.after) as Record<string, unknown> | null;
    event.prevHash = head.hash;
    event.hash = auditHash({ ...event, before: toJson(entry.before), after: toJson(entry.after) });
    await this.audit.append(em, event);
  }

  /**
   * The end of most use cases: reads the changed row again in the caller's transaction, records the
   * event with the row's view after the change, and returns the row. The row was changed (and
   * locked) in this transaction: finding it gone is a bug, not a 404.
   */
  async recordReloaded<T>(em: EntityManager, entry: ReloadedEntry<T>): Promise<T> {
    const { reload, after, ...event } = entry;
    const row = await reload(em);
    if (!row) throw new Error(`${event.entityType} ${event.entityId} is gone from the transaction that changed it`);
    await this.record(em, { ...event, after: after(row) });
    return row;
  }

  /**
   * Records that someone read oversight material (an observer reading anonymised scoresheets, say):
   * public councils are watched too. Its own transaction, appended to the same chain; the caller
   * records before it returns the material, so a read that cannot be recorded is not served.
   */
  async recordRead(
    actorId: string,
    material: string,
    entityType: string,
    entityId: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.dataSource.transaction((em) =>
      this.record(em, { actorId, action: 'oversight.read', entityType, entityId, after: { material, ...details } }),
    );
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    return this.audit.list(filter);
  }

  /** One page in chain order; `nextAfterSeq` is the cursor for the next page, null at the end. */
  async page(query: AuditPageQuery): Promise<{ events: AuditEvent[]; nextAfterSeq: string | null }> {
    const limit = query.limit ?? 50;
    const events = await this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      action: query.action,
      afterSeq: query.afterSeq === undefined ? undefined : BigInt(query.afterSeq),
      limit,
    });
    return { events, nextAfterSeq: events.length === limit ? events[events.length - 1].seq.toString() : null };
  }

  /**
   * Walks the chain up to the head seen at the start, in batches, so memory stays flat however long
   * the log is and writers appending meanwhile do not disturb the check.
   */
  async verify(): Promise<ChainVerification> {
    const head = await this.audit.head();
    let tail = { seq: 0n, hash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const batch = await this.audit.batchBetween(tail.seq, head.seq, VERIFY_BATCH);
      if (batch.length === 0) break;
      const result = verifyRun(
        tail,
        batch.map((e) => ({ ...e, before: toJson(e.before), after: toJson(e.after) })),
      );
      if ('broken' in result) {
        return { valid: false, checked, headSeq: head.seq.toString(), firstBreak: result.broken };
      }
      checked += batch.length;
      tail = result.tail;
    }
    const headMatches = tail.seq === head.seq && tail.hash === head.hash;
    return {
      valid: headMatches,
      checked,
      headSeq: head.seq.toString(),
      firstBreak: headMatches ? null : { seq: tail.seq.toString(), reason: 'head_mismatch' },
    };
  }
}
