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
import { Village } from '../../geography/entities/village.entity';
import { PlanStatus } from '../domain/plan-status';
import { PlanGoal } from './plan-goal.entity';

@Entity('development_plans')
@Index('UQ_development_plans_village_version', ['villageId', 'version'], { unique: true })
/** At most one adopted plan per village, whatever races: the database refuses a second. */
@Index('UQ_development_plans_one_adopted', ['villageId'], { unique: true, where: `status = 'adopted'` })
@Check('CK_development_plans_status', `status IN ('draft','adopted','archived')`)
@Check('CK_development_plans_period', 'period_end >= period_start')
export class DevelopmentPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'FK_development_plans_village' })
  village?: Village;

  @Column({ type: 'uuid' })
  villageId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'smallint' })
  periodStart!: number;

  @Column({ type: 'smallint' })
  periodEnd!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: PlanStatus;

  @Column({ type: 'timestamptz', nullable: true })
  adoptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @OneToMany(() => PlanGoal, (goal) => goal.plan)
  goals?: PlanGoal[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
