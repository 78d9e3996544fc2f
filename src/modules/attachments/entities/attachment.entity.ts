import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';
import { User } from '../../users/entities/user.entity';
import { ATTACHMENT_MEDIA_TYPES, AttachmentMediaType } from '../../stored-files/domain/file-type';

/**
 * A file attached to an application. The bytes live in the attachment storage under `storageKey`,
 * a random name unrelated to `originalName`, which is only shown and offered for download.
 */
@Entity('attachments')
@Index('IX_attachments_application', ['applicationId', 'createdAt'])
@Index('UQ_attachments_storage_key', ['storageKey'], { unique: true })
@Check('CK_attachments_media_type', `media_type IN (${ATTACHMENT_MEDIA_TYPES.map((t) => `'${t}'`).join(',')})`)
@Check('CK_attachments_size', 'size > 0')
@Check('CK_attachments_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
export class Attachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_attachments_application' })
  application?: Application;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'text' })
  originalName!: string;

  @Column({ type: 'text' })
  mediaType!: AttachmentMediaType;

  /** Bytes; ATTACHMENT_MAX_BYTES is at most 100 MB, so an int holds it. */
  @Column({ type: 'int' })
  size!: number;

  /** Lower-case hex SHA-256 of the bytes. */
  @Column({ type: 'text' })
  sha256!: string;

  /**
   * Whether the file may reveal who applied (a CV, a photo, a company registration). Jurors of a
   * blind round see only files a manager has checked and marked as not identifying.
   */
  @Column({ type: 'boolean', default: true })
  identifying!: boolean;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_attachments_uploader' })
  uploader?: User;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
