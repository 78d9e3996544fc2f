import { LocalizedText } from '../../../common/i18n/localized-text';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { District } from './district.entity';

export const VILLAGE_KINDS = ['village', 'rural_district'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

/** A village, or a rural district (auyl okrugy) where the programme works at that level. */
@Entity('villages')
// Unique per language within the parent: expression indexes the migration creates.
@Index('UQ_villages_name_kk', { synchronize: false })
@Index('UQ_villages_name_ru', { synchronize: false })
@Index('UQ_villages_name_en', { synchronize: false })
@Check('CK_villages_name', 'is_localized_text(name)')
@Index('UQ_villages_kato', ['katoCode'], { unique: true, where: 'kato_code IS NOT NULL' })
@Check('CK_villages_kind', `kind IN ('village','rural_district')`)
export class Village {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_villages_district' })
  district?: District;

  @Column({ type: 'uuid' })
  districtId!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'text', default: 'village' })
  kind!: VillageKind;

  @Column({ type: 'text', nullable: true })
  katoCode!: string | null;
}
