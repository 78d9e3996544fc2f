import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';
import { Competition } from '../../competitions/entities/competition.entity';
import { AccountKind } from '../domain/ledger';

/**
 * One account of a competition's ledger. Its balance is kept by a trigger from the entries posted
 * to it, so it can never disagree with them; a CHECK keeps every account but `funding` from going
 * below zero, which is what refuses an approval that would overrun the budget (rule 7) or a
 * payment above what is owed (rule 8), whatever races.
 */
@Entity('ledger_accounts')
@Index('UQ_ledger_accounts_competition_kind', ['competitionId', 'kind'], { unique: true, where: 'award_id IS NULL' })
@Index('UQ_ledger_accounts_award', ['awardId'], { unique: true, where: 'award_id IS NOT NULL' })
// Balances of a competition read every account of it, awards' payables included.
@Index('IX_ledger_accounts_competition', ['competitionId'])
@Check('CK_ledger_accounts_kind', `kind IN ('funding','budget','payable','paid')`)
@Check('CK_ledger_accounts_award', `(kind = 'payable') = (award_id IS NOT NULL)`)
@Check('CK_ledger_accounts_balance', `kind = 'funding' OR balance >= 0`)
export class LedgerAccount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_ledger_accounts_competition' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'text' })
  kind!: AccountKind;

  /**
   * The award a `payable` account belongs to. A foreign key by entity name, with no relation: the
   * ledger sits below awards in the module chain and does not import them.
   */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Award', { onDelete: 'RESTRICT', name: 'FK_ledger_accounts_award' })
  awardId!: string | null;

  /** Minor units; maintained by the entries trigger only. */
  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  balance!: bigint;
}
