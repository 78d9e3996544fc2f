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
import { Competition } from '../../competitions/entities/competition.entity';
import { User } from '../../users/entities/user.entity';
import { RoundMethod } from '../domain/rounds/round-method';
import { RoundStatus } from '../domain/rounds/round-status';

/** One scoring round of a competition. Its method is editable in draft and frozen from `open` on. */
@Entity('review_rounds')
@Index('UQ_review_rounds_competition_position', ['competitionId', 'position'], { unique: true })
@Check('CK_review_rounds_status', `status IN ('draft','open','closed','finalized')`)
@Check('CK_review_rounds_seed', `status = 'draft' OR seed IS NOT NULL`)
export class ReviewRound {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_review_rounds_competition' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  competitionId!: string;

  /** 1 for the first round; each later round takes those that advanced in the one before. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: RoundStatus;

  @Column({ type: 'jsonb' })
  method!: RoundMethod;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  /** Drawn and published when the round opens: decides ties nothing else decides, and seeds the assignment. */
  @Column({ type: 'text', nullable: true })
  seed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalizedAt!: Date | null;

  /** When a manager asked for the results; the worker computes them and finalizes. */
  @Column({ type: 'timestamptz', nullable: true })
  finalizeRequestedAt!: Date | null;

  /** The round's figures stored at finalizing: reliability, juror offsets, calibration verdict, crossings. */
  @Column({ type: 'jsonb', nullable: true })
  summary!: Record<string, unknown> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_review_rounds_created_by' })
  creator?: User;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
