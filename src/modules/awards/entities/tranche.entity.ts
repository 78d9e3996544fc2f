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
import { LocalizedText } from '../../../common/i18n/localized-text';
import { bigintTransformer } from '../../../database/transformers';
import { User } from '../../users/entities/user.entity';
import { TrancheStatus } from '../domain/award-status';
import { Award } from './award.entity';

/** One scheduled part of an award; the tranches of an award add up to it (a deferred trigger checks at commit). */
@Entity('tranches')
@Index('UQ_tranches_award_position', ['awardId', 'position'], { unique: true })
@Index('IX_tranches_due', ['dueAt'], { where: `status IN ('planned','returned') AND report_required` })
@Check('CK_tranches_label', 'is_localized_text(label)')
@Check('CK_tranches_status', `status IN ('planned','requested','returned','approved','paid')`)
@Check('CK_tranches_amount', 'amount > 0')
@Check('CK_tranches_position', 'position >= 1')
export class Tranche {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'FK_tranches_award' })
  award?: Award;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'jsonb' })
  label!: LocalizedText;

  /** False: released on signing (when the grantee accepts); true: after a milestone report is approved. */
  @Column({ type: 'boolean' })
  reportRequired!: boolean;

  /** Days after acceptance when the report is due; sets dueAt on acceptance. */
  @Column({ type: 'int', nullable: true })
  dueDays!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  @Column({ type: 'text', default: 'planned' })
  status!: TrancheStatus;

  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'FK_tranches_approved_by' })
  approver?: User;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
