import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * One signed-in browser. The cookie carries a random secret; only its SHA-256 is stored, so a copy
 * of the table opens no session. A session ends when revoked (sign-out, "sign out everywhere", a
 * password reset), when unused for the idle time, or at its absolute expiry, whichever comes first.
 */
@Entity('browser_sessions')
@Index('UQ_browser_sessions_secret', ['secretHash'], { unique: true })
@Index('IX_browser_sessions_user', ['userId'])
export class BrowserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_browser_sessions_user' })
  user?: User;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  secretHash!: string;

  /** What the person sees in their list of sessions ("Chrome on Android"), cut to 200 characters. */
  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
