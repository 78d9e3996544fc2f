import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';
import { Award } from '../../awards/entities/award.entity';
import { Tranche } from '../../awards/entities/tranche.entity';
import { LedgerTransaction } from '../../ledger/entities/ledger-transaction.entity';
import { User } from '../../users/entities/user.entity';

export const PAYMENT_STATUSES = ['recorded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A recorded transfer of one approved tranche. A tranche has at most one payment that stands
 * (the partial unique index is rule 8's "paid at most once" in the database); a failed one stays
 * as history with its reversal in the ledger.
 */
@Entity('payments')
@Index('UQ_payments_tranche_recorded', ['trancheId'], { unique: true, where: `status = 'recorded'` })
@Index('IX_payments_award', ['awardId'])
@Check('CK_payments_status', `status IN ('recorded','failed')`)
@Check('CK_payments_amount', 'amount > 0')
@Check('CK_payments_failed', `(status = 'failed') = (failed_at IS NOT NULL)`)
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  trancheId!: string;

  @ManyToOne(() => Tranche, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tranche_id', foreignKeyConstraintName: 'FK_payments_tranche' })
  tranche?: Tranche;

  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'FK_payments_award' })
  award?: Award;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  @Column({ type: 'text' })
  bankReference!: string;

  /** The value date of the transfer, as the bank states it. */
  @Column({ type: 'date' })
  paidOn!: string;

  @Column({ type: 'text', default: 'recorded' })
  status!: PaymentStatus;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_payments_recorded_by' })
  recorder?: User;

  @Column({ type: 'uuid' })
  ledgerTransactionId!: string;

  @ManyToOne(() => LedgerTransaction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ledger_transaction_id', foreignKeyConstraintName: 'FK_payments_ledger_transaction' })
  ledgerTransaction?: LedgerTransaction;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  failedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'failed_by', foreignKeyConstraintName: 'FK_payments_failed_by' })
  failer?: User;

  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reversalTransactionId!: string | null;

  @ManyToOne(() => LedgerTransaction, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reversal_transaction_id', foreignKeyConstraintName: 'FK_payments_reversal_transaction' })
  reversalTransaction?: LedgerTransaction;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
