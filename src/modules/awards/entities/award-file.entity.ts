import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ATTACHMENT_MEDIA_TYPES, AttachmentMediaType } from '../../stored-files/domain/file-type';
import { User } from '../../users/entities/user.entity';
import { Award } from './award.entity';

/** A photo or receipt the grantee uploaded for the award's milestone reports; checked like application attachments. */
@Entity('award_files')
@Index('IX_award_files_award', ['awardId', 'createdAt'])
@Index('UQ_award_files_storage_key', ['storageKey'], { unique: true })
@Check('CK_award_files_media_type', `media_type IN (${ATTACHMENT_MEDIA_TYPES.map((t) => `'${t}'`).join(',')})`)
@Check('CK_award_files_size', 'size > 0')
export class AwardFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'FK_award_files_award' })
  award?: Award;

  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'text' })
  originalName!: string;

  @Column({ type: 'text' })
  mediaType!: AttachmentMediaType;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_award_files_uploaded_by' })
  uploader?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
