import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { NotificationStatus } from '../domain/notification-status';

/**
 * One message to one person: the transactional outbox. Written in the same transaction as its
 * cause; the relay queues it, the sender delivers it and records the outcome here.
 */
@Entity('notifications')
@Index('UQ_notifications_dedupe_key', ['dedupeKey'], { unique: true })
@Index('IX_notifications_due', ['status', 'availableAt'])
@Index('IX_notifications_recipient', ['recipientId', 'createdAt'])
@Check('CK_notifications_status', `status IN ('pending','claimed','queued','sending','sent','failed')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'FK_notifications_recipient' })
  recipient?: User;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'text' })
  type!: string;

  /** Ids and display values of the cause (no contact data: that is read from the recipient at send time). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  data!: Record<string, unknown>;

  /** Same key, same message: a second insert with it is ignored. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  /** Bumped when an admin retries a failed message, so its queue job id is new. */
  @Column({ type: 'int', default: 0 })
  generation!: number;

  @Column({ type: 'int', default: 0 })
  relayAttempts!: number;

  @Column({ type: 'int', default: 0 })
  sendAttempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  queuedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId!: string | null;

  @Column({ type: 'text', nullable: true })
  providerResponse!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
