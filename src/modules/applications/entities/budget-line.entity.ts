import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';
import { FundingSource } from '../domain/application-status';
import type { Application } from './application.entity';

@Entity('budget_lines')
@Index('IX_budget_lines_application', ['applicationId', 'position'])
@Check('CK_budget_lines_amount', 'amount > 0')
@Check('CK_budget_lines_source', `source IN ('grant','own')`)
export class BudgetLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne('Application', 'budgetLines', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_budget_lines_application' })
  application?: Relation<Application>;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  @Column({ type: 'text' })
  source!: FundingSource;
}
