import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto } from '../../../common/http/pagination';
import { MoneyField } from '../../../common/money/money';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { ATTACHMENT_MEDIA_TYPES } from '../../stored-files/domain/file-type';
import { MAX_TRANCHES } from '../../competitions/domain/award-rules';
import { AwardFile } from '../entities/award-file.entity';
import { MilestoneReport, REPORT_STATUSES, ReportStatus } from '../entities/milestone-report.entity';

export const MAX_REPORT_BODY = 20_000;
export const MAX_JOBS_CREATED = 10_000;
export const MAX_SPENDING_LINES = 200;
export const MAX_REPORT_FILES = 50;

/** Zero is let through here so that it is refused as a rule (422) naming the tranche, like a wrong sum. */
const MINOR_UNITS = /^(0|[1-9]\d{0,14})$/;

export class ScheduleDto {
  @ApiProperty({
    type: [String],
    example: ['50000000', '30000000', '20000000'],
    description:
      'The amount of each tranche in order, in minor units as integer strings; as many as the award has tranches, adding up to the award',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRANCHES)
  @IsString({ each: true })
  @Matches(MINOR_UNITS, {
    each: true,
    message: 'each of $property must be a whole number of minor units, as a string such as "500000000"',
  })
  amounts!: string[];
}

export class SpendingLineDto {
  @ApiProperty({ example: 'equipment', maxLength: 100 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category!: string;

  @ApiProperty({ maxLength: 500 })
  @Trim()
  @IsString()
  @MaxLength(500)
  description!: string;

  @MoneyField({ required: true, positive: true, description: 'Spent' })
  amount!: string;
}

export class SubmitReportDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_REPORT_BODY, description: 'What was done towards the milestone' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REPORT_BODY)
  body!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_JOBS_CREATED, description: 'Jobs created so far' })
  @IsInt()
  @Min(0)
  @Max(MAX_JOBS_CREATED)
  jobsCreated!: number;

  @ApiProperty({ type: [SpendingLineDto], maxItems: MAX_SPENDING_LINES })
  @IsArray()
  @ArrayMaxSize(MAX_SPENDING_LINES)
  @ValidateNested({ each: true })
  @Type(() => SpendingLineDto)
  spending!: SpendingLineDto[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_REPORT_FILES,
    description: 'Files uploaded to the same award',
  })
  @IsArray()
  @ArrayMaxSize(MAX_REPORT_FILES)
  @LowercaseIds()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  fileIds!: string[];
}

export class ReturnReportDto {
  @ApiProperty({ maxLength: 2000, description: 'What the grantee should change; it is sent to them' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

export class SpendingLineViewDto {
  @ApiProperty()
  category!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ description: 'Minor units, integer string' })
  amount!: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  awardId!: string;
  @ApiProperty({ format: 'uuid' })
  trancheId!: string;
  @ApiProperty({ enum: REPORT_STATUSES })
  status!: ReportStatus;
  @ApiProperty()
  body!: string;
  @ApiProperty({ type: 'integer' })
  jobsCreated!: number;
  @ApiProperty({ type: [SpendingLineViewDto] })
  spending!: SpendingLineViewDto[];
  @ApiProperty({ type: [String], format: 'uuid' })
  fileIds!: string[];
  @ApiProperty({ format: 'uuid' })
  submittedBy!: string;
  @ApiProperty()
  submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String })
  reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was returned' })
  reviewComment!: string | null;

  static from(r: MilestoneReport): ReportDto {
    return {
      id: r.id,
      awardId: r.awardId,
      trancheId: r.trancheId,
      status: r.status,
      body: r.body,
      jobsCreated: r.jobsCreated,
      spending: r.spending.map((s) => ({ category: s.category, description: s.description, amount: s.amount })),
      fileIds: r.fileIds,
      submittedBy: r.submittedBy,
      submittedAt: r.createdAt.toISOString(),
      reviewedBy: r.reviewedBy,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reviewComment: r.reviewComment,
    };
  }
}

export class AwardFileDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  awardId!: string;
  @ApiProperty({
    description: 'The file name as uploaded, without any path or control characters, at most 200 characters',
  })
  name!: string;
  @ApiProperty({ enum: ATTACHMENT_MEDIA_TYPES, description: 'Detected from the content, not taken from the client' })
  mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' })
  size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, lower-case hex' })
  sha256!: string;
  @ApiProperty()
  createdAt!: string;

  static from(f: AwardFile): AwardFileDto {
    return {
      id: f.id,
      awardId: f.awardId,
      name: f.originalName,
      mediaType: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      createdAt: f.createdAt.toISOString(),
    };
  }
}

export class ReportPageDto extends PageMetaDto {
  @ApiProperty({ type: [ReportDto] })
  items!: ReportDto[];
}

export class AwardFilePageDto extends PageMetaDto {
  @ApiProperty({ type: [AwardFileDto] })
  items!: AwardFileDto[];
}
