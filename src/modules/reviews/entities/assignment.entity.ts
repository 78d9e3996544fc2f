import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';
import { User } from '../../users/entities/user.entity';
import { AssignmentRun } from './assignment-run.entity';
import { ReviewRound } from './review-round.entity';

export const ASSIGNMENT_STATUSES = ['active', 'removed', 'recused'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** One juror asked to review one application in one round; ended, never deleted. */
@Entity('assignments')
@Index('UQ_assignments_active_pair', ['roundId', 'applicationId', 'jurorId'], {
  unique: true,
  where: `status = 'active'`,
})
@Index('IX_assignments_juror', ['jurorId', 'roundId'])
@Index('IX_assignments_round_application', ['roundId', 'applicationId'])
@Check('CK_assignments_status', `status IN ('active','removed','recused')`)
@Check('CK_assignments_source', `source IN ('engine','manager')`)
@Check('CK_assignments_ended', `(status = 'active') = (ended_at IS NULL)`)
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_assignments_round' })
  round?: ReviewRound;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_assignments_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'juror_id', foreignKeyConstraintName: 'FK_assignments_juror' })
  juror?: User;

  @Column({ type: 'uuid' })
  jurorId!: string;

  @Column({ type: 'text', default: 'active' })
  status!: AssignmentStatus;

  @Column({ type: 'text' })
  source!: 'engine' | 'manager';

  @ManyToOne(() => AssignmentRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_assignments_run' })
  run?: AssignmentRun;

  @Column({ type: 'uuid', nullable: true })
  runId!: string | null;

  @Column({ type: 'int', default: 0 })
  affinity!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  endReason!: string | null;
}
