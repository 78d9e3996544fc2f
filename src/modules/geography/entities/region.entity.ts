import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('regions')
@Index('UQ_regions_name', ['name'], { unique: true })
@Index('UQ_regions_kato', ['katoCode'], { unique: true, where: 'kato_code IS NOT NULL' })
export class Region {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  katoCode!: string | null;
}
