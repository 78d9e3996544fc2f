import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Competition } from '../../competitions/entities/competition.entity';
import { User } from '../../users/entities/user.entity';
import { Movement } from '../domain/ledger';

/** One balanced money movement (its entries sum to zero, checked at commit); never changed. */
@Entity('ledger_transactions')
@Index('IX_ledger_transactions_competition', ['competitionId', 'createdAt'])
@Index('IX_ledger_transactions_award', ['awardId'])
@Check('CK_ledger_transactions_movement', `movement IN ('opening','commitment','release','payment','payment_reversal')`)
export class LedgerTransaction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_ledger_transactions_competition' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'text' })
  movement!: Movement;

  /** A foreign key by entity name, with no relation: the ledger sits below awards and does not import them. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Award', { onDelete: 'RESTRICT', name: 'FK_ledger_transactions_award' })
  awardId!: string | null;

  /** What it records: a tranche, a payment, a decision. */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_ledger_transactions_created_by' })
  creator?: User;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
