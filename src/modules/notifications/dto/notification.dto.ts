import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { NOTIFICATION_STATUSES, NotificationStatus } from '../domain/notification-status';
import { Notification } from '../entities/notification.entity';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Comma-separated statuses; default: everything not yet sent (failed, pending, claimed, queued, sending)',
    example: 'failed',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @ArrayUnique()
  @IsIn(NOTIFICATION_STATUSES, { each: true })
  status?: NotificationStatus[];

  @ApiPropertyOptional({ example: 'account.registered' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  recipientId?: string;
}

/** What operators see of a message: its state, never the address or the content. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  recipientId!: string;
  @ApiProperty({ example: 'account.registered' })
  type!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status!: NotificationStatus;
  @ApiProperty({ type: 'integer' })
  sendAttempts!: number;
  @ApiProperty({ type: 'integer' })
  relayAttempts!: number;
  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Language the message was sent in' })
  language!: string | null;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String })
  sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  failedAt!: string | null;

  static from(n: Notification): NotificationDto {
    return {
      id: n.id,
      recipientId: n.recipientId,
      type: n.type,
      status: n.status,
      sendAttempts: n.sendAttempts,
      relayAttempts: n.relayAttempts,
      lastError: n.lastError,
      language: n.language,
      createdAt: n.createdAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
      failedAt: n.failedAt?.toISOString() ?? null,
    };
  }
}

export class NotificationPageDto extends PageMetaDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];
}

export class RetriedDto {
  @ApiProperty({ type: 'integer', description: 'How many failed messages went back to the queue' })
  retried!: number;
}
