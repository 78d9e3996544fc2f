import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MoneyField } from '../../../common/money/money';
import { OptionalNotNull } from '../../../common/validation/optional';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { FUNDING_SOURCES, FundingSource, SECTORS, Sector } from '../domain/application-status';

export class GoalLinkDto {
  @ApiProperty({ format: 'uuid', description: 'A goal of the adopted plan of the application village' })
  @LowercaseIds()
  @IsUUID('all')
  goalId!: string;

  @ApiProperty({ maxLength: 1000, description: 'One sentence on how the initiative supports the goal' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  contribution!: string;
}

export class BudgetLineDto {
  @ApiProperty({ example: 'equipment', maxLength: 100 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  description?: string;

  @MoneyField({ required: true, positive: true, description: 'Line amount' })
  amount!: string;

  @ApiProperty({ enum: FUNDING_SOURCES, description: 'Paid from the grant or from own funds' })
  @IsIn(FUNDING_SOURCES)
  source!: FundingSource;
}

/** Every field optional in a draft: the rules are checked at submission, all at once. */
export class DraftContentDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1000)
  summary?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @OptionalNotNull()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ type: [GoalLinkDto], description: 'Replaces the linked goals' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((g: GoalLinkDto) => g?.goalId, { message: 'each goal may be linked once' })
  @ValidateNested({ each: true })
  @Type(() => GoalLinkDto)
  goals?: GoalLinkDto[];

  @MoneyField({ required: false, description: 'Grant requested' })
  requestedAmount?: string;

  @MoneyField({ required: false, description: 'Own contribution' })
  ownContribution?: string;

  @ApiPropertyOptional({ type: [BudgetLineDto], description: 'Replaces the budget lines' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines?: BudgetLineDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10000 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  jobsCreated?: number;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'Planned start date (YYYY-MM-DD)' })
  @OptionalNotNull()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'plannedStart must be a date such as 2027-03-01',
  })
  @IsISO8601({ strict: true }, { message: 'plannedStart must be a real calendar date' })
  plannedStart?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 120 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths?: number;
}

export class CreateDraftDto extends DraftContentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to your home village' })
  @OptionalNotNull()
  @LowercaseIds()
  @IsUUID('all')
  villageId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Required when villageId is not your home village' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(1000)
  villageReason?: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class AssistedDraftDto extends CreateDraftDto {
  @ApiProperty({ format: 'uuid', description: 'The applicant who came in person (an account with the applicant role)' })
  @LowercaseIds()
  @IsUUID('all')
  applicantId!: string;
}
