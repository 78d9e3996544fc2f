import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';
import { User } from '../../users/entities/user.entity';
import { ReviewRound } from './review-round.entity';

/** An affinity a manager imported for a round (CSV: application, juror, score), added to the computed one. */
@Entity('imported_affinities')
@Check('CK_imported_affinities_score', 'score BETWEEN -100 AND 100')
export class ImportedAffinity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_imported_affinities_round' })
  round?: ReviewRound;

  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_imported_affinities_application' })
  application?: Application;

  @PrimaryColumn({ type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'juror_id', foreignKeyConstraintName: 'FK_imported_affinities_juror' })
  juror?: User;

  @Column({ type: 'int' })
  score!: number;
}
