import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { clampLimit } from '../../../common/http/pagination';
import { AuditEvent } from '../entities/audit-event.entity';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'competition', description: 'Required with entityId' })
  @ValidateIf((query: AuditQueryDto) => query.entityType !== undefined || query.entityId !== undefined)
  @IsString({ message: 'entityType is required with entityId' })
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional({ description: 'Usually a UUID; an action over many names its scope (`all-failed`)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ example: 'oversight.read', description: 'Only events of this action' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'action must look like award.approved' })
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ description: 'Cursor: return events after this sequence number', example: '0' })
  @IsOptional()
  @Matches(/^\d{1,18}$/)
  afterSeq?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, maximum: 500, description: 'Clamped to 1..500' })
  @IsOptional()
  @Transform(({ value }) => clampLimit(value, 50, 500))
  @IsInt()
  @Min(1)
  limit?: number;
}

export class AuditEventDto {
  @ApiProperty({ example: '42', description: 'Position in the hash chain (integer string)' })
  seq!: string;
  @ApiProperty()
  occurredAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for the system' })
  actorId!: string | null;
  @ApiProperty({ example: 'competition.opened' })
  action!: string;
  @ApiProperty({ example: 'competition' })
  entityType!: string;
  @ApiProperty({
    description: 'The UUID of the entity changed; an action over many names its scope instead (`all-failed`)',
  })
  entityId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after!: Record<string, unknown> | null;
  @ApiProperty()
  prevHash!: string;
  @ApiProperty()
  hash!: string;

  static from(event: AuditEvent): AuditEventDto {
    return {
      seq: event.seq.toString(),
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before,
      after: event.after,
      prevHash: event.prevHash,
      hash: event.hash,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterSeq for the next page; null at the end' })
  nextAfterSeq!: string | null;
}

export class ChainBreakDto {
  @ApiProperty()
  seq!: string;
  @ApiProperty({ enum: ['sequence_gap', 'broken_link', 'hash_mismatch', 'head_mismatch'] })
  reason!: string;
}

export class ChainVerificationDto {
  @ApiProperty()
  valid!: boolean;
  @ApiProperty({ type: 'integer' })
  checked!: number;
  @ApiProperty()
  headSeq!: string;
  @ApiProperty({ type: ChainBreakDto, nullable: true })
  firstBreak!: ChainBreakDto | null;
}
