import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { District } from '../../geography/entities/district.entity';
import { Village } from '../../geography/entities/village.entity';
import type { Competition } from './competition.entity';

/** A village named eligible in a competition. */
@Entity('competition_villages')
export class CompetitionVillage {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  villageId!: string;

  @ManyToOne('Competition', 'eligibleVillages', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_competition_villages_competition' })
  competition?: Competition;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'FK_competition_villages_village' })
  village?: Village;
}

/** A whole district named eligible: every village in it may apply. */
@Entity('competition_districts')
export class CompetitionDistrict {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  districtId!: string;

  @ManyToOne('Competition', 'eligibleDistricts', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_competition_districts_competition' })
  competition?: Competition;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_competition_districts_district' })
  district?: District;
}
