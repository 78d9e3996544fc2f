import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';

/** One recorded state change. Append-only (database triggers refuse UPDATE, DELETE and TRUNCATE). */
@Entity('audit_events')
@Index('IX_audit_events_entity', ['entityType', 'entityId', 'seq'])
@Index('IX_audit_events_actor', ['actorId', 'seq'])
@Index('IX_audit_events_action', ['action', 'seq'])
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint', transformer: bigintTransformer })
  seq!: bigint;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
