import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { LocalizedText } from '../../../common/i18n/localized-text';
import type { DevelopmentPlan } from './development-plan.entity';

@Entity('plan_goals')
@Index('UQ_plan_goals_plan_code', ['planId', 'code'], { unique: true })
@Check('CK_plan_goals_title', 'is_localized_text(title)')
@Check('CK_plan_goals_description', 'is_localized_text(description)')
@Check('CK_plan_goals_priority', 'priority BETWEEN 1 AND 99')
export class PlanGoal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne('DevelopmentPlan', 'goals', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_plan_goals_plan' })
  plan?: Relation<DevelopmentPlan>;

  @Column({ type: 'uuid' })
  planId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  /** Null: no description. */
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  /** 1 is the most pressing. */
  @Column({ type: 'smallint' })
  priority!: number;
}
