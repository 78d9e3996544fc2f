import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Assignment } from './assignment.entity';

export const SCORESHEET_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export type ScoresheetStatus = (typeof SCORESHEET_STATUSES)[number];

/** A juror's scores (by criterion code) and comments for one assignment: one per assignment. */
@Entity('scoresheets')
@Index('UQ_scoresheets_assignment', ['assignmentId'], { unique: true })
@Index('IX_scoresheets_round', ['roundId', 'status'])
@Check('CK_scoresheets_status', `status IN ('draft','submitted','withdrawn')`)
@Check('CK_scoresheets_submitted', `status <> 'submitted' OR submitted_at IS NOT NULL`)
export class Scoresheet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Assignment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_scoresheets_assignment' })
  assignment?: Assignment;

  @Column({ type: 'uuid' })
  assignmentId!: string;

  /** Copied from the assignment so a round's sheets are read by one index. */
  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'uuid' })
  jurorId!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: ScoresheetStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores!: Record<string, number>;

  /** Per criterion code. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  comments!: Record<string, string>;

  @Column({ type: 'text', default: '' })
  comment!: string;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
