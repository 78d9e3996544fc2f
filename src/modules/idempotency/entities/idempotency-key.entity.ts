import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * The first response to a money-moving request, kept under the caller's `Idempotency-Key`
 * (DESIGN.md section 7). Written in the same transaction as the change it answers, so a key is
 * either bound to a committed change and its response, or free.
 */
@Entity('idempotency_keys')
@Index('IX_idempotency_keys_created', ['createdAt'])
@Check('CK_idempotency_keys_key', `char_length(key) BETWEEN 1 AND 200`)
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_idempotency_keys_actor' })
  actor?: User;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** The operation and its target, such as `payment.record:<trancheId>`. */
  @Column({ type: 'text' })
  scope!: string;

  /** SHA-256 of the scope and the canonical request body. */
  @Column({ type: 'text' })
  requestHash!: string;

  @Column({ type: 'int' })
  responseStatus!: number;

  @Column({ type: 'jsonb' })
  responseBody!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
