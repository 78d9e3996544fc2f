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
import { bigintTransformer } from '../../../database/transformers';
import { Application } from '../../applications/entities/application.entity';
import { Competition } from '../../competitions/entities/competition.entity';
import { ReviewRound } from '../../reviews/entities/review-round.entity';
import { User } from '../../users/entities/user.entity';
import { AwardStatus } from '../domain/award-status';

/**
 * Money granted to one application (DESIGN.md section 7). At most one live award per application:
 * a declined or cancelled one stays as history and the application may be offered again.
 */
@Entity('awards')
@Index('UQ_awards_live_application', ['applicationId'], {
  unique: true,
  where: `status NOT IN ('declined','cancelled')`,
})
@Index('IX_awards_competition_status', ['competitionId', 'status'])
@Index('IX_awards_respond_by', ['respondBy'], { where: `status = 'approved'` })
@Check('CK_awards_status', `status IN ('proposed','approved','accepted','active','completed','declined','cancelled')`)
@Check('CK_awards_amount', 'amount > 0 AND amount <= requested')
// Rule 9, the database's own line: the approver is never the proposer.
@Check('CK_awards_four_eyes', 'approved_by IS NULL OR approved_by <> proposed_by')
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_awards_competition' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_awards_application' })
  application?: Application;

  /** The finalized round whose ranking the award was decided on. */
  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_awards_round' })
  round?: ReviewRound;

  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  /** The application's requested amount when proposed (an award never exceeds it). */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  requested!: bigint;

  @Column({ type: 'text', default: 'proposed' })
  status!: AwardStatus;

  @Column({ type: 'uuid' })
  proposedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'FK_awards_proposed_by' })
  proposer?: User;

  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'FK_awards_approved_by' })
  approver?: User;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** The grantee accepts or declines by then; past it, the offer lapses and the money returns. */
  @Column({ type: 'timestamptz', nullable: true })
  respondBy!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  /** The approver's comment when a proposal was sent back. */
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** Why it was declined or cancelled. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
