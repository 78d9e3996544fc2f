import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { ReturnOutcome } from '../domain/returns';
import { Application } from './application.entity';

/**
 * A manager sent a submitted application back for changes: the message, the date to answer by,
 * and how it ended (NULL while open: resubmitted, lapsed or withdrawn). One open return at a time.
 */
@Entity('application_returns')
@Index('UQ_application_returns_open', ['applicationId'], { unique: true, where: 'outcome IS NULL' })
@Index('IX_application_returns_application', ['applicationId', 'returnedAt'])
@Index('IX_application_returns_due', ['answerBy'], { where: 'outcome IS NULL' })
@Check('CK_application_returns_outcome', `outcome IS NULL OR outcome IN ('resubmitted','lapsed','withdrawn')`)
@Check('CK_application_returns_closed', '(outcome IS NULL) = (closed_at IS NULL)')
@Check('CK_application_returns_message', 'length(btrim(message)) > 0')
@Check('CK_application_returns_answer_by', 'answer_by > returned_at')
export class ApplicationReturn {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_application_returns' })
  id!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_returns_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  applicationId!: string;

  /** The snapshot version the manager read when returning it. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'timestamptz' })
  answerBy!: Date;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'returned_by', foreignKeyConstraintName: 'FK_application_returns_returned_by' })
  returner?: User;

  @Column({ type: 'uuid' })
  returnedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  returnedAt!: Date;

  @Column({ type: 'text', nullable: true })
  outcome!: ReturnOutcome | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
