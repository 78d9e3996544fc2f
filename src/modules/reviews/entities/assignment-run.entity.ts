import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReviewRound } from './review-round.entity';

export const RUN_STATUSES = ['queued', 'succeeded', 'infeasible'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * One run of the assignment engine for a round: it fills every open place (keeping the
 * assignments that exist) and is stored with what it read and what it found, so it can be checked.
 */
@Entity('assignment_runs')
@Index('IX_assignment_runs_round', ['roundId', 'createdAt'])
@Check('CK_assignment_runs_status', `status IN ('queued','succeeded','infeasible')`)
export class AssignmentRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_assignment_runs_round' })
  round?: ReviewRound;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: RunStatus;

  /** Why it ran: a manager's request, or a recusal or removal freeing places. */
  @Column({ type: 'text' })
  trigger!: string;

  @Column({ type: 'bigint', nullable: true })
  seed!: string | null;

  /** SHA-256 of the instance the engine solved (places, loads, allowed pairs and affinities). */
  @Column({ type: 'text', nullable: true })
  inputHash!: string | null;

  @Column({ type: 'bigint', nullable: true })
  objective!: string | null;

  @Column({ type: 'int', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'int', default: 0 })
  assigned!: number;

  /** Engine figures (rounds of widening, edges, proof of optimality) or the infeasibility explanation. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
