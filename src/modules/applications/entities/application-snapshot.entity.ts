import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

/**
 * One version of the content as submitted: what jurors see. Version 1 is the submission; each
 * resubmission after a return for changes adds the next one, with the same reference. Immutable (a
 * trigger refuses UPDATE and DELETE). Readers use the view `application_snapshots`: the latest
 * version of each application.
 */
@Entity('application_snapshot_versions')
@Check('CK_application_snapshot_versions_version', 'version >= 1')
export class ApplicationSnapshot {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_application_snapshot_versions' })
  applicationId!: string;

  @PrimaryColumn({ type: 'int', default: 1, primaryKeyConstraintName: 'PK_application_snapshot_versions' })
  version!: number;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_snapshots_application' })
  application?: Application;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
