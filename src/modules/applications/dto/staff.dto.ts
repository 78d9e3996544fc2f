import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { SORTS, SortKey } from '../applications-query.repository';
import { APPLICATION_STATUSES, ApplicationStatus, SECTORS, Sector } from '../domain/application-status';
import { SCREENING_REASONS, ScreeningDecision } from '../domain/screening';
import { ApplicationDto } from './application-view.dto';
import { OptionalIdField } from '../../../common/validation/id-field';

export class ApplicationFilterDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, description: 'Default: every status but draft' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @OptionalIdField()
  villageId?: string;

  @OptionalIdField()
  districtId?: string;

  @OptionalIdField()
  goalId?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ description: 'Text in the title or summary' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ApplicationListQueryDto extends IntersectionType(PageQueryDto, ApplicationFilterDto) {
  @ApiPropertyOptional({ enum: Object.keys(SORTS), default: 'submittedAt' })
  @IsOptional()
  @IsIn(Object.keys(SORTS))
  sort?: SortKey;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ApplicationListItemDto extends ApplicationDto {
  @LocalizedTextProperty()
  villageName!: LocalizedText;
  @LocalizedTextProperty()
  districtName!: LocalizedText;
  @ApiProperty()
  applicantName!: string;
  @ApiProperty({ nullable: true, type: String })
  screeningReason!: string | null;
}

export class ApplicationPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApplicationListItemDto] })
  items!: ApplicationListItemDto[];
}

export class ScreeningDto {
  @ApiProperty({ enum: ['eligible', 'ineligible'] })
  @IsIn(['eligible', 'ineligible'])
  decision!: ScreeningDecision;

  @ApiPropertyOptional({ enum: SCREENING_REASONS, description: 'Required when ineligible' })
  @IsOptional()
  @IsIn(SCREENING_REASONS)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class BulkScreeningItemDto extends ScreeningDto {
  @ApiProperty({ format: 'uuid' })
  @LowercaseIds()
  @IsUUID('all')
  applicationId!: string;
}

export class BulkScreeningDto {
  @ApiProperty({ type: [BulkScreeningItemDto], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BulkScreeningItemDto)
  decisions!: BulkScreeningItemDto[];
}

export class BulkScreeningOutcomeDto {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;
  @ApiPropertyOptional({ enum: ['eligible', 'ineligible'] })
  status?: string;
  @ApiPropertyOptional({ description: 'Error code when this one was refused' })
  error?: string;
}

class CountDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @LocalizedTextProperty()
  name!: LocalizedText;
  @ApiProperty({ type: 'integer' })
  count!: number;
}

class GoalCountDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  code!: string;
  @LocalizedTextProperty()
  title!: LocalizedText;
  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class ApplicationSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Counts by status, drafts included',
  })
  byStatus!: Record<string, number>;
  @ApiProperty({ type: [CountDto] })
  byVillage!: CountDto[];
  @ApiProperty({ type: [CountDto] })
  byDistrict!: CountDto[];
  @ApiProperty({ type: [GoalCountDto] })
  byGoal!: GoalCountDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  bySector!: Record<string, number>;
  @ApiProperty({ description: 'Requested by applications still in the running (minor units)' })
  requestedTotal!: string;
  @ApiProperty({ description: 'The competition budget (minor units)' })
  budget!: string;
}
