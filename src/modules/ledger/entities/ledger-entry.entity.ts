import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransaction } from './ledger-transaction.entity';

/** One side of a movement: a positive amount adds to the account, a negative one takes from it. */
@Entity('ledger_entries')
@Index('IX_ledger_entries_transaction', ['transactionId'])
@Index('IX_ledger_entries_account', ['accountId'])
@Check('CK_ledger_entries_amount', 'amount <> 0')
export class LedgerEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => LedgerTransaction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transaction_id', foreignKeyConstraintName: 'FK_ledger_entries_transaction' })
  transaction?: LedgerTransaction;

  @Column({ type: 'uuid' })
  transactionId!: string;

  @ManyToOne(() => LedgerAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_ledger_entries_account' })
  account?: LedgerAccount;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;
}
