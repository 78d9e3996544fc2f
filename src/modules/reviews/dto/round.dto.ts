import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextField } from '../../../common/i18n/localized-text.dto';
import { PageMetaDto } from '../../../common/http/pagination';
import { OptionalNotNull } from '../../../common/validation/optional';
import { IsoDateTime, Trim } from '../../../common/validation/transforms';
import { RoundMethod } from '../domain/rounds/round-method';
import { RANKING_METHOD } from '../domain/scoring/ranking-method';
import { ROUND_STATUSES, RoundStatus } from '../domain/rounds/round-status';
import { ReviewRound } from '../entities/review-round.entity';

export class CriterionDto {
  @ApiProperty({ example: 'plan_alignment', description: 'Stable code: letters, digits, _ and -' })
  @Matches(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, {
    message: 'code must start with a letter and use letters, digits, _ or - (at most 40)',
  })
  code!: string;

  @LocalizedTextField({
    maxLength: 200,
    example: { kk: 'Ауылдың даму жоспарына сәйкестігі', ru: 'Соответствие плану развития села' },
  })
  title!: LocalizedText;

  @LocalizedTextField({ maxLength: 4000, required: false })
  description?: LocalizedText;

  @ApiProperty({ type: 'integer', example: 3, description: 'Relative weight, 1..1000' })
  @IsInt()
  @Min(1)
  @Max(1000)
  weight!: number;

  @ApiProperty({ type: 'integer', example: 5, description: 'Scores are whole numbers 0..max' })
  @IsInt()
  @Min(1)
  @Max(100)
  max!: number;

  @LocalizedTextField({ maxLength: 1000, each: true, description: 'One descriptor per level 0..max' })
  @ArrayMaxSize(101)
  descriptors!: LocalizedText[];

  @ApiPropertyOptional({ description: 'A gate: a mean score below this bars advancement' })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  min?: number;
}

export class AdvancementDto {
  @ApiProperty({ enum: ['top', 'cutoff', 'budget'] })
  @IsIn(['top', 'cutoff', 'budget'])
  kind!: 'top' | 'cutoff' | 'budget';

  @ApiPropertyOptional({ type: 'integer', description: 'top: how many advance' })
  @ValidateIf((o: AdvancementDto) => o.kind === 'top')
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  n?: number;

  @ApiPropertyOptional({ description: 'cutoff: the official (or decisive) score needed, 0..100' })
  @ValidateIf((o: AdvancementDto) => o.kind === 'cutoff')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score?: number;

  @ApiPropertyOptional({ description: 'budget: requests adding up to this multiple of the budget, e.g. 1.5' })
  @ValidateIf((o: AdvancementDto) => o.kind === 'budget')
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  multiple?: number;
}

export class CreateRoundDto {
  @ApiProperty({ example: 'Round 1', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Scoring deadline (reminders go out 3 days and 1 day before)',
  })
  @IsoDateTime()
  @IsDate({ message: 'deadline must be an ISO 8601 date-time with an offset' })
  deadline!: Date;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiProperty({ description: 'Code of the criterion that breaks ties first (plan alignment by default)' })
  @IsString()
  @MaxLength(40)
  priorityCriterion!: string;

  @ApiProperty({ type: 'integer', example: 3 })
  @IsInt()
  @Min(1)
  @Max(20)
  jurorsPerApplication!: number;

  @ApiPropertyOptional({ type: 'integer', default: 0, description: 'Fewest applications per juror' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  minLoad?: number;

  @ApiProperty({ type: 'integer', example: 30, description: 'Most applications per juror' })
  @IsInt()
  @Min(1)
  @Max(100000)
  maxLoad!: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'Scoresheets an application needs to be ranked' })
  @IsInt()
  @Min(1)
  @Max(20)
  quorum!: number;

  @ApiProperty({
    example: 25,
    description: 'Spread (max - min of totals, 0..100) above which an application near the line is disputed',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  disputeSpread!: number;

  @ApiProperty({ type: 'integer', example: 3, description: 'How many ranks either side of the line count as near it' })
  @IsInt()
  @Min(0)
  @Max(100000)
  disputeMargin!: number;

  @ApiPropertyOptional({ default: 0.1, description: 'Largest share of the round on the discussion list' })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  disputeMaxShare?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Whether the calibrated score decides the ranking (when the data allow it)',
  })
  @OptionalNotNull()
  @IsBoolean()
  calibratedDecisive?: boolean;

  @ApiProperty({ type: AdvancementDto })
  @ValidateNested()
  @Type(() => AdvancementDto)
  advancement!: AdvancementDto;

  @ApiPropertyOptional({ default: true, description: 'Jurors see no applicant identity' })
  @OptionalNotNull()
  @IsBoolean()
  blind?: boolean;
}

export class UpdateRoundDto extends PartialType(CreateRoundDto) {}

export class RoundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) competitionId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status!: RoundStatus;
  @ApiProperty() deadline!: string;
  @ApiProperty({
    description:
      'The published method: rubric, jurors per application, loads, quorum, disputes, calibration, advancement, blindness, and `ranking`: how the results follow from the scores, tie-breaks and the lottery that orders a full tie, in words and as data',
  })
  method!: RoundMethod & { ranking: typeof RANKING_METHOD };
  @ApiProperty({ nullable: true, type: String, description: 'Lottery seed for ties, published when the round opens' })
  seed!: string | null;
  @ApiProperty({ nullable: true, type: String }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finalizedAt!: string | null;
  @ApiProperty({ description: 'The worker is computing the results' }) finalizing!: boolean;

  static from(r: ReviewRound): RoundDto {
    return {
      id: r.id,
      competitionId: r.competitionId,
      position: r.position,
      name: r.name,
      status: r.status,
      deadline: r.deadline.toISOString(),
      method: { ...r.method, ranking: RANKING_METHOD },
      seed: r.seed,
      openedAt: r.openedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      finalizedAt: r.finalizedAt?.toISOString() ?? null,
      finalizing: r.status === 'closed' && r.finalizeRequestedAt !== null,
    };
  }
}

/** The method as built from a request (defaults filled in). */
export function methodOf(dto: CreateRoundDto): RoundMethod {
  const a = dto.advancement;
  return {
    criteria: dto.criteria.map((c) => ({
      code: c.code,
      title: c.title,
      ...(c.description ? { description: c.description } : {}),
      weight: c.weight,
      max: c.max,
      descriptors: c.descriptors,
      ...(c.min !== undefined ? { min: c.min } : {}),
    })),
    priorityCriterion: dto.priorityCriterion,
    jurorsPerApplication: dto.jurorsPerApplication,
    minLoad: dto.minLoad ?? 0,
    maxLoad: dto.maxLoad,
    quorum: dto.quorum,
    disputeSpread: dto.disputeSpread,
    disputeMargin: dto.disputeMargin,
    disputeMaxShare: dto.disputeMaxShare ?? 0.1,
    calibratedDecisive: dto.calibratedDecisive ?? false,
    advancement:
      a.kind === 'top'
        ? { kind: 'top', n: a.n! }
        : a.kind === 'cutoff'
          ? { kind: 'cutoff', score: a.score! }
          : { kind: 'budget', multiple: a.multiple! },
    blind: dto.blind ?? true,
  };
}

export class RoundPageDto extends PageMetaDto {
  @ApiProperty({ type: [RoundDto] })
  items!: RoundDto[];
}
