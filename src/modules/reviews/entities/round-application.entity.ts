import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';
import { ReviewRound } from './review-round.entity';

/** An application taking part in a round, fixed when the round opens, with its alternates. */
@Entity('round_applications')
@Index('IX_round_applications_application', ['applicationId'])
export class RoundApplication {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => ReviewRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_applications_round' })
  round?: ReviewRound;

  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_round_applications_application' })
  application?: Application;

  /** The next best eligible jurors from the latest assignment run, best first. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  alternates!: string[];
}
