import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextField, LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { MoneyField } from '../../../common/money/money';
import { AwardRules } from '../domain/award-rules';
import { COMPETITION_CODE_PATTERN, COMPETITION_CODE_RULE } from '../domain/competition-code';
import { COMPETITION_STATUSES, CompetitionStatus } from '../domain/competition-status';
import { Competition } from '../entities/competition.entity';
import { OptionalNotNull } from '../../../common/validation/optional';
import { IsoDateTime, LowercaseIds } from '../../../common/validation/transforms';
import { AwardRulesDto, EnvelopeDto } from './competition-rules.dto';

class CompetitionFields {
  @ApiProperty({
    example: 'TUP',
    pattern: COMPETITION_CODE_PATTERN.source,
    description: `Short code, unique across the service, in every application reference (SU-TUP-2026-0042): ${COMPETITION_CODE_RULE}; frozen once the competition opens`,
  })
  @IsString()
  @Matches(COMPETITION_CODE_PATTERN, { message: `code must be ${COMPETITION_CODE_RULE}` })
  code!: string;

  @LocalizedTextField({ maxLength: 300, example: { kk: 'Start Up Маңғыстау 2026', ru: 'Start Up Мангистау 2026' } })
  title!: LocalizedText;

  @LocalizedTextField({
    maxLength: 20000,
    required: false,
    nullable: true,
    description: 'Null or left out: no description',
  })
  description?: LocalizedText | null;

  @ApiPropertyOptional({ enum: ['KZT'], default: 'KZT' })
  @OptionalNotNull()
  @IsIn(['KZT'])
  currency?: 'KZT';

  @MoneyField({ required: true, description: 'Total budget', example: '10000000000' })
  budget!: string;

  @MoneyField({ required: true, description: 'Smallest award', example: '50000000' })
  minAward!: string;

  @MoneyField({ required: true, description: 'Largest award', example: '500000000' })
  maxAward!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10000,
    default: 0,
    description: 'Minimum own contribution share in basis points (20% = 2000)',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  minOwnShareBp?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 1 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100)
  maxApplicationsPerApplicant?: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-01T00:00:00+05:00' })
  @IsoDateTime()
  @IsDate({ message: 'opensAt must be an ISO 8601 date-time with an offset' })
  opensAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2027-01-31T18:00:00+05:00' })
  @IsoDateTime()
  @IsDate({ message: 'closesAt must be an ISO 8601 date-time with an offset' })
  closesAt!: Date;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @LowercaseIds()
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  eligibleVillageIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    default: [],
    description: 'Every village of these districts is eligible',
  })
  @IsOptional()
  @LowercaseIds()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  eligibleDistrictIds?: string[];

  @ApiPropertyOptional({ type: [EnvelopeDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => EnvelopeDto)
  envelopes?: EnvelopeDto[];

  @ApiPropertyOptional({
    type: AwardRulesDto,
    description:
      'Tranche template, floors, partial funding, acceptance period; defaults to 50/30/20 on signing, mid-term and final report',
  })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => AwardRulesDto)
  awardRules?: AwardRulesDto;
}

export class CreateCompetitionDto extends CompetitionFields {}

/** Every field optional (null is refused for the scalar fields); lists, when given, replace the old ones. */
export class UpdateCompetitionDto extends PartialType(CreateCompetitionDto, { skipNullProperties: false }) {}

export class CompetitionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPETITION_STATUSES })
  @IsOptional()
  @IsIn(COMPETITION_STATUSES)
  status?: CompetitionStatus;
}

const PUBLIC_STATUSES = ['open', 'closed', 'finalized', 'archived'] as const;

export class PublicCompetitionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PUBLIC_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(PUBLIC_STATUSES)
  status?: Exclude<CompetitionStatus, 'draft'>;
}

export class EnvelopeViewDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  districtId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  villageId!: string | null;
  @ApiProperty({ description: 'Minor units, integer string' })
  amount!: string;
}

export class CompetitionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'TUP', description: 'Short code in every application reference (SU-TUP-2026-0042)' })
  code!: string;
  @LocalizedTextProperty({ example: { kk: 'Start Up Маңғыстау 2026', ru: 'Start Up Мангистау 2026' } })
  title!: LocalizedText;
  @LocalizedTextProperty({ nullable: true, description: 'Null: no description' })
  description!: LocalizedText | null;
  @ApiProperty({ example: 'KZT' })
  currency!: string;
  @ApiProperty({ description: 'Minor units, integer string', example: '10000000000' })
  budget!: string;
  @ApiProperty({ description: 'Minor units, integer string' })
  minAward!: string;
  @ApiProperty({ description: 'Minor units, integer string' })
  maxAward!: string;
  @ApiProperty({ type: 'integer', description: 'Basis points' })
  minOwnShareBp!: number;
  @ApiProperty({ type: 'integer' })
  maxApplicationsPerApplicant!: number;
  @ApiProperty()
  opensAt!: string;
  @ApiProperty()
  closesAt!: string;
  @ApiProperty({ enum: COMPETITION_STATUSES })
  status!: CompetitionStatus;
  @ApiProperty({ description: 'True once opened: the rules can no longer change' })
  rulesFrozen!: boolean;
  @ApiProperty({ nullable: true, type: String })
  openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  closedAt!: string | null;
  @ApiProperty({ type: [String] })
  eligibleVillageIds!: string[];
  @ApiProperty({ type: [String] })
  eligibleDistrictIds!: string[];
  @ApiProperty({ type: [EnvelopeViewDto] })
  envelopes!: EnvelopeViewDto[];
  @ApiProperty({ type: AwardRulesDto })
  awardRules!: AwardRules;

  static from(c: Competition): CompetitionDto {
    return {
      id: c.id,
      code: c.code,
      title: c.title,
      description: c.description,
      currency: c.currency,
      budget: c.budget.toString(),
      minAward: c.minAward.toString(),
      maxAward: c.maxAward.toString(),
      minOwnShareBp: c.minOwnShareBp,
      maxApplicationsPerApplicant: c.maxApplicationsPerApplicant,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      status: c.status,
      rulesFrozen: c.status !== 'draft',
      openedAt: c.openedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      eligibleVillageIds: (c.eligibleVillages ?? []).map((v) => v.villageId).sort(),
      eligibleDistrictIds: (c.eligibleDistricts ?? []).map((d) => d.districtId).sort(),
      envelopes: (c.envelopes ?? []).map((e) => ({
        districtId: e.districtId,
        villageId: e.villageId,
        amount: e.amount.toString(),
      })),
      awardRules: c.awardRules,
    };
  }
}

export class CompetitionPageDto extends PageMetaDto {
  @ApiProperty({ type: [CompetitionDto] })
  items!: CompetitionDto[];
}
