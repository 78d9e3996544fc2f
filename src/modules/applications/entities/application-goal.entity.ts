import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { PlanGoal } from '../../plans/entities/plan-goal.entity';
import type { Application } from './application.entity';

/** A plan goal the application supports, with the applicant's sentence on how. */
@Entity('application_goals')
export class ApplicationGoal {
  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @PrimaryColumn({ type: 'uuid' })
  goalId!: string;

  @ManyToOne('Application', 'goals', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_goals_application' })
  application?: Relation<Application>;

  @ManyToOne(() => PlanGoal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'FK_application_goals_goal' })
  goal?: PlanGoal;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text', default: '' })
  contribution!: string;
}
