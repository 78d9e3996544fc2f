import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Competition } from '../../competitions/entities/competition.entity';

/**
 * The last reference number given in a competition. Incremented in the submitting transaction,
 * so a rolled-back submission gives its number back: the numbers stay gapless.
 */
@Entity('application_reference_counters')
export class ReferenceCounter {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_application_reference_counters_competition' })
  competition?: Competition;

  @Column({ type: 'int' })
  lastNumber!: number;
}
