import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

/** The content as submitted: what jurors see. Immutable (a trigger refuses UPDATE and DELETE). */
@Entity('application_snapshots')
export class ApplicationSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @OneToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_snapshots_application' })
  application?: Application;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
