import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Competition } from '../../competitions/entities/competition.entity';
import { Village } from '../../geography/entities/village.entity';
import { User } from '../../users/entities/user.entity';

/** A juror on a competition's panel, with expertise tags and home village. */
@Entity('competition_jurors')
@Index('IX_competition_jurors_user', ['userId'])
export class CompetitionJuror {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_competition_jurors_competition' })
  competition?: Competition;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_competition_jurors_user' })
  user?: User;

  /** Sectors and themes, lower case. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise!: string[];

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_village_id', foreignKeyConstraintName: 'FK_competition_jurors_village' })
  homeVillage?: Village;

  @Column({ type: 'uuid', nullable: true })
  homeVillageId!: string | null;

  /** Set when the juror confirms their conflict declaration; the workspace opens only after it. */
  @Column({ type: 'timestamptz', nullable: true })
  conflictsConfirmedAt!: Date | null;

  @Column({ type: 'uuid' })
  addedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
