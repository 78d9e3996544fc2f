import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';
import { Competition } from '../../competitions/entities/competition.entity';
import { Village } from '../../geography/entities/village.entity';
import { User } from '../../users/entities/user.entity';
import { ApplicationStatus, Sector } from '../domain/application-status';
import { ApplicationGoal } from './application-goal.entity';
import { BudgetLine } from './budget-line.entity';

/** An applicant's proposal in one competition. Editable as a draft; frozen by submission. */
@Entity('applications')
@Index('UQ_applications_reference', ['competitionId', 'referenceNumber'], {
  unique: true,
  where: 'reference_number IS NOT NULL',
})
/**
 * A reference is unique across the service. Those given before competitions had a short code
 * (SU-2026-0001) were unique only within their competition and were already mailed, so they keep
 * their value and stay out of this index (UQ_applications_reference still holds them apart).
 */
@Index('UQ_applications_reference_global', ['reference'], {
  unique: true,
  where: `reference IS NOT NULL AND reference !~ '^SU-[0-9]{4}-[0-9]+$'`,
})
@Index('IX_applications_competition_status', ['competitionId', 'status'])
@Index('IX_applications_applicant', ['applicantId', 'competitionId'])
@Index('IX_applications_competition_submitted', ['competitionId', 'submittedAt'])
@Check(
  'CK_applications_status',
  `status IN ('draft','submitted','returned','eligible','ineligible','in_review','shortlisted','awarded','not_awarded','withdrawn')`,
)
@Check('CK_applications_sector', `sector IN ('agriculture','tourism','crafts','services','trade','processing','other')`)
@Check('CK_applications_amounts', 'requested_amount >= 0 AND own_contribution >= 0')
@Check(
  'CK_applications_submitted_reference',
  `status = 'draft' OR (status = 'withdrawn' AND submitted_at IS NULL) OR reference IS NOT NULL`,
)
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_applications_competition' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'FK_applications_applicant' })
  applicant?: User;

  @Column({ type: 'uuid' })
  applicantId!: string;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'FK_applications_village' })
  village?: Village;

  @Column({ type: 'uuid' })
  villageId!: string;

  /** Why the applicant applies for a village other than their home village. */
  @Column({ type: 'text', nullable: true })
  villageReason!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'int', nullable: true })
  referenceNumber!: number | null;

  @Column({ type: 'text', default: '' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: 'other' })
  sector!: Sector;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  requestedAmount!: bigint;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  ownContribution!: bigint;

  @Column({ type: 'int', default: 0 })
  jobsCreated!: number;

  @Column({ type: 'date', nullable: true })
  plannedStart!: string | null;

  @Column({ type: 'int', nullable: true })
  durationMonths!: number | null;

  /** Entered by a manager for an applicant who came in person. */
  @Column({ type: 'boolean', default: false })
  assisted!: boolean;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawReason!: string | null;

  /** Screening outcome: a reason code from SCREENING_REASONS when ineligible, and a free-text note. */
  @Column({ type: 'text', nullable: true })
  screeningReason!: string | null;

  @Column({ type: 'text', nullable: true })
  screeningNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  screenedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  screenedAt!: Date | null;

  @OneToMany(() => ApplicationGoal, (g) => g.application)
  goals?: ApplicationGoal[];

  @OneToMany(() => BudgetLine, (l) => l.application)
  budgetLines?: BudgetLine[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
