import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';

/**
 * The single row that holds the end of the hash chain. Writers lock it (`FOR UPDATE`), so sequence
 * numbers and links are assigned one at a time in commit order, whatever the concurrency.
 */
@Entity('audit_chain_head')
@Check('CK_audit_chain_head_single', 'id = 1')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  seq!: bigint;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
