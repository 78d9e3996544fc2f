import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { MoneyField } from '../../../common/money/money';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { AWARD_STATUSES, AwardStatus, TRANCHE_STATUSES, TrancheStatus } from '../domain/award-status';
import { Award } from '../entities/award.entity';
import { Tranche } from '../entities/tranche.entity';

export class ProposalItemDto {
  @ApiProperty({ format: 'uuid' })
  @LowercaseIds()
  @IsUUID('all')
  applicationId!: string;

  @MoneyField({ required: true, positive: true, description: 'Award, at most the request and the competition maximum' })
  amount!: string;
}

export class ProposeAwardsDto {
  @ApiPropertyOptional({
    type: [ProposalItemDto],
    description: 'Leave out to propose everything the allocation funds that holds no award yet',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ArrayUnique((i: ProposalItemDto) => i?.applicationId, { message: 'each application at most once' })
  @ValidateNested({ each: true })
  @Type(() => ProposalItemDto)
  items?: ProposalItemDto[];
}

export class AdjustAwardDto {
  @MoneyField({ required: true, positive: true, description: 'New amount of the proposal' })
  amount!: string;
}

export class CommentDto {
  @ApiProperty({ maxLength: 2000, description: 'Why, for the proposer' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class AwardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AWARD_STATUSES })
  @IsOptional()
  @IsIn(AWARD_STATUSES)
  status?: AwardStatus;
}

export class TrancheDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer', description: '1 for the first tranche' })
  position!: number;
  @LocalizedTextProperty({ example: { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' } })
  label!: LocalizedText;
  @ApiProperty({ description: 'Released by an approved milestone report (else on signing)' })
  reportRequired!: boolean;
  @ApiProperty({ description: 'Minor units, integer string' })
  amount!: string;
  @ApiProperty({ enum: TRANCHE_STATUSES })
  status!: TrancheStatus;
  @ApiProperty({ nullable: true, type: String, description: 'When its report is due (set on acceptance)' })
  dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  approvedAt!: string | null;

  static from(t: Tranche): TrancheDto {
    return {
      id: t.id,
      position: t.position,
      label: t.label,
      reportRequired: t.reportRequired,
      amount: t.amount.toString(),
      status: t.status,
      dueAt: t.dueAt?.toISOString() ?? null,
      approvedAt: t.approvedAt?.toISOString() ?? null,
    };
  }
}

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  competitionId!: string;
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ example: 'SU-TUP-2026-0042' })
  reference!: string;
  @ApiProperty()
  applicationTitle!: string;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Rank in the final round' })
  rank!: number | null;
  @ApiProperty({ description: 'Minor units, integer string' })
  amount!: string;
  @ApiProperty({ description: 'Requested, minor units' })
  requested!: string;
  @ApiProperty({ enum: AWARD_STATUSES })
  status!: AwardStatus;
  @ApiProperty({ format: 'uuid' })
  proposedBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String })
  approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Accept or decline by then' })
  respondBy!: string | null;
  @ApiProperty({ nullable: true, type: String })
  respondedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The approver’s comment when sent back (staff only)' })
  comment!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why declined or cancelled' })
  reason!: string | null;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ type: [TrancheDto] })
  tranches!: TrancheDto[];

  static from(
    a: Award,
    application: { reference: string; title: string },
    tranches: Tranche[],
    staff: boolean,
  ): AwardDto {
    return {
      id: a.id,
      competitionId: a.competitionId,
      applicationId: a.applicationId,
      reference: application.reference,
      applicationTitle: application.title,
      rank: a.rank,
      amount: a.amount.toString(),
      requested: a.requested.toString(),
      status: a.status,
      proposedBy: a.proposedBy,
      approvedBy: a.approvedBy,
      approvedAt: a.approvedAt?.toISOString() ?? null,
      respondBy: a.respondBy?.toISOString() ?? null,
      respondedAt: a.respondedAt?.toISOString() ?? null,
      comment: staff ? a.comment : null,
      reason: a.reason,
      createdAt: a.createdAt.toISOString(),
      tranches: tranches.map((t) => TrancheDto.from(t)),
    };
  }
}

export class AwardPageDto extends PageMetaDto {
  @ApiProperty({ type: [AwardDto] })
  items!: AwardDto[];
}

export class FinalizeResultDto {
  @ApiProperty({ type: 'integer', description: 'Shortlisted applications that became not_awarded and were told' })
  notAwarded!: number;
}
