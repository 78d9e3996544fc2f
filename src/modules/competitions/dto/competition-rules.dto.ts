import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextField } from '../../../common/i18n/localized-text.dto';
import { MoneyField } from '../../../common/money/money';
import { OptionalNotNull } from '../../../common/validation/optional';
import { LowercaseIds } from '../../../common/validation/transforms';
import { OptionalIdField } from '../../../common/validation/id-field';

/** The rules a competition sets for its money: envelopes by district or village, and how awards are paid. */
export class EnvelopeDto {
  @OptionalIdField('Exactly one of districtId or villageId')
  districtId?: string;

  @OptionalIdField()
  villageId?: string;

  @MoneyField({ required: true, description: 'Cap on awards in this district or village' })
  amount!: string;
}

export class TrancheTemplateItemDto {
  @LocalizedTextField({
    maxLength: 100,
    description: 'What releases the tranche, as people read it',
    example: { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' },
  })
  label!: LocalizedText;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 10000,
    description: 'Share of the award in basis points; the shares add up to 10000',
    example: 3000,
  })
  @IsInt()
  @Min(1)
  @Max(10000)
  shareBp!: number;

  @ApiProperty({
    description: 'True: released when a milestone report is approved; false: released on signing (acceptance)',
  })
  @IsBoolean()
  reportRequired!: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 3650,
    description: 'For a report: days after acceptance when it is due',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  dueDays?: number | null;
}

export class AwardFloorDto {
  @ApiProperty({ format: 'uuid' })
  @LowercaseIds()
  @IsUUID('all')
  districtId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    description: 'At least this many grants in the district, met first',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  grants!: number;
}

export class AwardRulesDto {
  @ApiProperty({
    type: [TrancheTemplateItemDto],
    description: 'Every award is split into these tranches (largest remainder, in minor units)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TrancheTemplateItemDto)
  trancheTemplate!: TrancheTemplateItemDto[];

  @ApiPropertyOptional({ type: [AwardFloorDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AwardFloorDto)
  floors?: AwardFloorDto[];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 10000,
    description:
      'Partial funding of the marginal application: the least share of its request it may be offered; null for none',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  partialMinShareBp?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 90,
    default: 14,
    description: 'Days an applicant has to accept an approved award',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(90)
  acceptanceDays?: number;
}
