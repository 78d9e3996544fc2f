import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';
import { ReviewRound } from './review-round.entity';

/** The frozen outcome of a round for one application (immutable: a trigger refuses UPDATE and DELETE). */
@Entity('round_results')
@Index('IX_round_results_rank', ['roundId', 'rank'])
@Index('IX_round_results_application', ['applicationId'])
export class RoundResult {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_results_round' })
  round?: ReviewRound;

  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_round_results_application' })
  application?: Application;

  /** Scoresheets that counted. */
  @Column({ type: 'int' })
  count!: number;

  /** Each juror's total, by juror id. */
  @Column({ type: 'jsonb' })
  totals!: { jurorId: string; total: number }[];

  @Column({ type: 'double precision', nullable: true })
  official!: number | null;

  @Column({ type: 'double precision', nullable: true })
  calibrated!: number | null;

  @Column({ type: 'double precision', nullable: true })
  spread!: number | null;

  @Column({ type: 'text', array: true })
  gatesFailed!: string[];

  @Column({ type: 'boolean' })
  quorumMet!: boolean;

  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  @Column({ type: 'boolean' })
  advanced!: boolean;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'boolean' })
  disputed!: boolean;
}
