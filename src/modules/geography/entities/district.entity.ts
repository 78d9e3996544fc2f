import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Region } from './region.entity';

@Entity('districts')
@Index('UQ_districts_region_name', ['regionId', 'name'], { unique: true })
@Index('UQ_districts_kato', ['katoCode'], { unique: true, where: 'kato_code IS NOT NULL' })
export class District {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_districts_region' })
  region?: Region;

  @Column({ type: 'uuid' })
  regionId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  katoCode!: string | null;
}
