import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Competition } from '../../competitions/entities/competition.entity';
import { User } from '../../users/entities/user.entity';
import type { Award } from '../../awards/entities/award.entity';
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

  @Column({ type: 'uuid', nullable: true })
  awardId!: string | null;

  @ManyToOne('Award', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'FK_ledger_transactions_award' })
  award?: Award;

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
