import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditChainHead } from './entities/audit-chain-head.entity';
import { AuditEvent } from './entities/audit-event.entity';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  afterSeq?: bigint;
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the chain head for the rest of the caller's transaction and reads the server clock. */
  async lockHead(em: EntityManager): Promise<{ seq: bigint; hash: string; now: Date }> {
    const rows: { seq: string; hash: string; now: Date }[] = await em.query(
      `SELECT seq, hash, date_trunc('milliseconds', clock_timestamp()) AS now
         FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
    );
    const row = rows[0];
    if (!row) throw new Error('audit_chain_head is missing its row; run the migrations');
    return { seq: BigInt(row.seq), hash: row.hash, now: row.now };
  }

  async append(em: EntityManager, event: AuditEvent): Promise<void> {
    await em.query(
      `INSERT INTO audit_events (seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.seq.toString(),
        event.occurredAt,
        event.actorId,
        event.action,
        event.entityType,
        event.entityId,
        event.before === null ? null : JSON.stringify(event.before),
        event.after === null ? null : JSON.stringify(event.after),
        event.prevHash,
        event.hash,
      ],
    );
    await em.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [event.seq.toString(), event.hash]);
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e').orderBy('e.seq', 'ASC');
    if (filter.entityType) query.andWhere('e.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorId) query.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.afterSeq !== undefined) query.andWhere('e.seq > :afterSeq', { afterSeq: filter.afterSeq.toString() });
    return query.limit(filter.limit).getMany();
  }

  async batchBetween(afterSeq: bigint, upToSeq: bigint, size: number): Promise<AuditEvent[]> {
    return this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.seq > :afterSeq AND e.seq <= :upToSeq', { afterSeq: afterSeq.toString(), upToSeq: upToSeq.toString() })
      .orderBy('e.seq', 'ASC')
      .limit(size)
      .getMany();
  }

  async head(): Promise<{ seq: bigint; hash: string }> {
    const head = await this.dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
    return { seq: head.seq, hash: head.hash };
  }
}
