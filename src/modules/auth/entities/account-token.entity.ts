import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

export type AccountTokenPurpose = 'confirm_email' | 'reset_password';

/**
 * A single-use, expiring link token (email confirmation, password reset). Only the id is stored;
 * the link carries the id and an HMAC of it, so nothing in the database or the queue opens it.
 */
@Entity('account_tokens')
@Index('IX_account_tokens_user', ['userId', 'purpose'])
@Check('CK_account_tokens_purpose', `purpose IN ('confirm_email','reset_password')`)
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_account_tokens_user' })
  user?: User;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  purpose!: AccountTokenPurpose;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
