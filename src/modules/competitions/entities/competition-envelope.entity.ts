import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/transformers';
import { District } from '../../geography/entities/district.entity';
import { Village } from '../../geography/entities/village.entity';
import type { Competition } from './competition.entity';

/** A cap on what may be awarded within one district or one village of a competition. */
@Entity('competition_envelopes')
@Index('UQ_competition_envelopes_district', ['competitionId', 'districtId'], {
  unique: true,
  where: 'district_id IS NOT NULL',
})
@Index('UQ_competition_envelopes_village', ['competitionId', 'villageId'], {
  unique: true,
  where: 'village_id IS NOT NULL',
})
@Check('CK_competition_envelopes_target', '(district_id IS NULL) <> (village_id IS NULL)')
@Check('CK_competition_envelopes_amount', 'amount > 0')
// Rule 7 for envelopes: what approved awards hold in it never exceeds it, whatever races (the row is the lock).
@Check('CK_competition_envelopes_committed', 'committed >= 0 AND committed <= amount')
export class CompetitionEnvelope {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @ManyToOne('Competition', 'envelopes', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id', foreignKeyConstraintName: 'FK_competition_envelopes_competition' })
  competition?: Competition;

  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_competition_envelopes_district' })
  district?: District;

  @Column({ type: 'uuid', nullable: true })
  villageId!: string | null;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'FK_competition_envelopes_village' })
  village?: Village;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  /** What approved awards in this district or village hold; changed with each commitment and release. */
  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  committed!: bigint;
}
