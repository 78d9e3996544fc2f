import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { PageMetaDto } from '../../../common/http/pagination';
import { ATTACHMENT_MEDIA_TYPES } from '../../stored-files/domain/file-type';
import { Attachment } from '../entities/attachment.entity';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({
    description: 'The file name as uploaded, without any path, control characters, at most 200 characters',
  })
  name!: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES, description: 'Detected from the content, not taken from the client' })
  mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' })
  size!: number;
  @ApiProperty({
    description: 'SHA-256 of the bytes, lower-case hex',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  sha256!: string;
  @ApiProperty({
    description: 'May reveal who applied; jurors of a blind round see only files marked false by a manager',
  })
  identifying!: boolean;
  @ApiProperty()
  createdAt!: Date;

  static from(a: Attachment): AttachmentDto {
    return Object.assign(new AttachmentDto(), {
      id: a.id,
      name: a.originalName,
      mediaType: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      identifying: a.identifying,
      createdAt: a.createdAt,
    });
  }
}

export class AttachmentPageDto extends PageMetaDto {
  @ApiProperty({ type: [AttachmentDto] })
  items!: AttachmentDto[];
}

export class MarkIdentifyingDto {
  @ApiProperty({ description: 'False once a manager has checked that the file does not reveal the applicant' })
  @IsBoolean()
  identifying!: boolean;
}
