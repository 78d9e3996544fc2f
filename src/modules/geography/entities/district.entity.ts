import { LocalizedText } from '../../../common/i18n/localized-text';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Region } from './region.entity';

@Entity('districts')
// Unique per language within the parent: expression indexes the migration creates.
@Index('UQ_districts_name_kk', { synchronize: false })
@Index('UQ_districts_name_ru', { synchronize: false })
@Index('UQ_districts_name_en', { synchronize: false })
@Check('CK_districts_name', 'is_localized_text(name)')
@Index('UQ_districts_kato', ['katoCode'], { unique: true, where: 'kato_code IS NOT NULL' })
export class District {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_districts_region' })
  region?: Region;

  @Column({ type: 'uuid' })
  regionId!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'text', nullable: true })
  katoCode!: string | null;
}
