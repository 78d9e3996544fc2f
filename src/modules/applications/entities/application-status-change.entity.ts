import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity';

/** One step of an application's history, shown to its applicant. */
@Entity('application_status_changes')
@Index('IX_application_status_changes_application', ['applicationId', 'at'])
export class ApplicationStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_status_changes_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'text' })
  toStatus!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
