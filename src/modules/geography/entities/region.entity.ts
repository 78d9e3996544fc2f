import { LocalizedText } from '../../../common/i18n/localized-text';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('regions')
// Unique per language within the parent: expression indexes the migration creates.
@Index('UQ_regions_name_kk', { synchronize: false })
@Index('UQ_regions_name_ru', { synchronize: false })
@Index('UQ_regions_name_en', { synchronize: false })
@Check('CK_regions_name', 'is_localized_text(name)')
@Index('UQ_regions_kato', ['katoCode'], { unique: true, where: 'kato_code IS NOT NULL' })
export class Region {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'text', nullable: true })
  katoCode!: string | null;
}
