import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { RETURN_LIMITS, RETURN_OUTCOMES } from '../domain/returns';
import { MONEY_FIELDS, TEXT_FIELDS, VersionChange } from '../domain/version-changes';
import { ApplicationVersions } from '../application-versions.service';
import { BudgetLineViewDto } from './application-view.dto';

export class ReturnForChangesDto {
  @ApiProperty({
    maxLength: RETURN_LIMITS.messageMax,
    description: 'What the applicant should change, in words they will read in the mail and on their page',
  })
  @IsString()
  // The rule (at most RETURN_LIMITS.messageMax after trimming) answers APPLICATION.RETURN_INVALID; this only bounds the body.
  @MaxLength(RETURN_LIMITS.messageMax * 2)
  message!: string;

  @ApiProperty({
    format: 'date-time',
    description: `The date and time to resubmit by: at least ${RETURN_LIMITS.minHoursAhead} hours and at most ${RETURN_LIMITS.maxDaysAhead} days from now (server clock)`,
  })
  @IsISO8601({ strict: true })
  answerBy!: string;
}

export class VersionChangeDto {
  @ApiProperty({ enum: ['text', 'money', 'budgetLine', 'goal'] })
  kind!: VersionChange['kind'];
  @ApiProperty({
    required: false,
    enum: [...TEXT_FIELDS, ...MONEY_FIELDS],
    description: 'The changed field (text and money changes)',
  })
  field?: string;
  @ApiProperty({ required: false, enum: ['added', 'removed', 'changed'], description: 'Budget lines and goals' })
  change?: string;
  @ApiProperty({ required: false, format: 'uuid', description: 'The plan goal (goal changes)' })
  goalId?: string;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'Before; money as minor units (integer string); a goal’s contribution',
  })
  before?: string | null;
  @ApiProperty({ required: false, nullable: true, type: String })
  after?: string | null;
  @ApiProperty({ required: false, type: BudgetLineViewDto, description: 'The added or removed budget line' })
  line?: BudgetLineViewDto;

  static from(c: VersionChange): VersionChangeDto {
    return { ...c };
  }
}

export class ApplicationVersionDto {
  @ApiProperty({ type: 'integer', description: '1 is the submission; each resubmission adds one' })
  version!: number;
  @ApiProperty()
  submittedAt!: string;
  @ApiProperty({ type: [VersionChangeDto], description: 'What changed since the version before (none for version 1)' })
  changes!: VersionChangeDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen content jurors read' })
  content!: Record<string, unknown>;
}

export class ApplicationReturnDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer', description: 'The version that was returned' })
  version!: number;
  @ApiProperty()
  message!: string;
  @ApiProperty()
  answerBy!: string;
  @ApiProperty()
  returnedAt!: string;
  @ApiProperty({ format: 'uuid' })
  returnedBy!: string;
  @ApiProperty({ nullable: true, type: String, enum: RETURN_OUTCOMES, description: 'Null while the return is open' })
  outcome!: string | null;
  @ApiProperty({ nullable: true, type: String })
  closedAt!: string | null;
}

export class ApplicationVersionsDto {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ nullable: true, type: String })
  reference!: string | null;
  @ApiProperty({ type: [ApplicationVersionDto] })
  versions!: ApplicationVersionDto[];
  @ApiProperty({ type: [ApplicationReturnDto] })
  returns!: ApplicationReturnDto[];

  static from(v: ApplicationVersions): ApplicationVersionsDto {
    return {
      applicationId: v.applicationId,
      reference: v.reference,
      versions: v.versions.map((x) => ({
        version: x.version,
        submittedAt: x.createdAt.toISOString(),
        changes: x.changes.map((c) => VersionChangeDto.from(c)),
        content: x.content,
      })),
      returns: v.returns.map((r) => ({
        id: r.id,
        version: r.version,
        message: r.message,
        answerBy: r.answerBy.toISOString(),
        returnedAt: r.returnedAt.toISOString(),
        returnedBy: r.returnedBy,
        outcome: r.outcome,
        closedAt: r.closedAt?.toISOString() ?? null,
      })),
    };
  }
}
