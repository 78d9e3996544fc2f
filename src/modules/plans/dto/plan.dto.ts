import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextField, LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { PLAN_STATUSES, PlanStatus } from '../domain/plan-status';
import { DevelopmentPlan } from '../entities/development-plan.entity';
import { PlanGoal } from '../entities/plan-goal.entity';
import { OptionalNotNull } from '../../../common/validation/optional';
import { Trim } from '../../../common/validation/transforms';

export class PlanGoalInputDto {
  @ApiProperty({ example: 'G1', description: 'Short code, unique within the plan' })
  @Trim()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/, {
    message: 'code must be 1-16 letters, digits, dots, dashes or underscores',
  })
  code!: string;

  @LocalizedTextField({
    maxLength: 300,
    example: { kk: 'Сумен жабдықтау', ru: 'Водоснабжение', en: 'Water supply' },
  })
  title!: LocalizedText;

  @LocalizedTextField({ maxLength: 5000, required: false, nullable: true, description: 'Null or left out: none' })
  description?: LocalizedText | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 99, description: '1 is the most pressing' })
  @IsInt()
  @Min(1)
  @Max(99)
  priority!: number;
}

class PlanFields {
  @ApiProperty({ example: 'Bautino development plan 2026-2030', maxLength: 300 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodStart!: number;

  @ApiProperty({ type: 'integer', example: 2030 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodEnd!: number;

  @ApiProperty({ type: [PlanGoalInputDto] })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanGoalInputDto)
  goals!: PlanGoalInputDto[];
}

export class CreatePlanDto extends PlanFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  villageId!: string;
}

export class UpdatePlanDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ type: 'integer' })
  @OptionalNotNull()
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodStart?: number;

  @ApiPropertyOptional({ type: 'integer' })
  @OptionalNotNull()
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodEnd?: number;

  @ApiPropertyOptional({ type: [PlanGoalInputDto], description: 'Replaces all goals of the draft' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanGoalInputDto)
  goals?: PlanGoalInputDto[];
}

export class PlanQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  villageId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  districtId?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, default: 'adopted', description: 'draft is for admins only' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;
}

export class PlanGoalDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  code!: string;
  @LocalizedTextProperty({ example: { kk: 'Сумен жабдықтау', ru: 'Водоснабжение', en: 'Water supply' } })
  title!: LocalizedText;
  @LocalizedTextProperty({ nullable: true, description: 'Null: none' })
  description!: LocalizedText | null;
  @ApiProperty({ type: 'integer' })
  priority!: number;

  static from(goal: PlanGoal): PlanGoalDto {
    return { id: goal.id, code: goal.code, title: goal.title, description: goal.description, priority: goal.priority };
  }
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  villageId!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: 'integer' })
  periodStart!: number;
  @ApiProperty({ type: 'integer' })
  periodEnd!: number;
  @ApiProperty({ enum: PLAN_STATUSES })
  status!: PlanStatus;
  @ApiProperty({ nullable: true, type: String })
  adoptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  archivedAt!: string | null;
  @ApiProperty({ type: [PlanGoalDto], description: 'Ordered by priority, then code' })
  goals!: PlanGoalDto[];

  static from(plan: DevelopmentPlan): PlanDto {
    return {
      id: plan.id,
      villageId: plan.villageId,
      version: plan.version,
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      status: plan.status,
      adoptedAt: plan.adoptedAt?.toISOString() ?? null,
      archivedAt: plan.archivedAt?.toISOString() ?? null,
      goals: (plan.goals ?? []).map((g) => PlanGoalDto.from(g)),
    };
  }
}

export class PlanPageDto extends PageMetaDto {
  @ApiProperty({ type: [PlanDto] })
  items!: PlanDto[];
}
