import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Award } from './award.entity';
import { Tranche } from './tranche.entity';

export const REPORT_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Money spent against one budget line, as the grantee reports it. */
export interface ReportSpending {
  category: string;
  description: string;
  /** Minor units, integer string. */
  amount: string;
}

/** The grantee's evidence that a tranche's condition is met. A returned report stays; the next one is a new row. */
@Entity('milestone_reports')
@Index('UQ_milestone_reports_pending', ['trancheId'], { unique: true, where: `status = 'submitted'` })
@Index('IX_milestone_reports_award', ['awardId', 'createdAt'])
@Check('CK_milestone_reports_status', `status IN ('submitted','approved','returned')`)
@Check('CK_milestone_reports_jobs', 'jobs_created >= 0')
export class MilestoneReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  trancheId!: string;

  @ManyToOne(() => Tranche, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tranche_id', foreignKeyConstraintName: 'FK_milestone_reports_tranche' })
  tranche?: Tranche;

  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'FK_milestone_reports_award' })
  award?: Award;

  @Column({ type: 'text' })
  body!: string;

  /** Jobs created so far, as reported (counted in the reports by district, village and goal). */
  @Column({ type: 'int' })
  jobsCreated!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  spending!: ReportSpending[];

  /** Photos and receipts uploaded to the award. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  fileIds!: string[];

  @Column({ type: 'text', default: 'submitted' })
  status!: ReportStatus;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_milestone_reports_submitted_by' })
  submitter?: User;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'FK_milestone_reports_reviewed_by' })
  reviewer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** The manager's comment when returning it. */
  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
