import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto } from '../../../common/http/pagination';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { AssignmentRun, RunStatus } from '../entities/assignment-run.entity';
import { Assignment, ASSIGNMENT_STATUSES, AssignmentStatus } from '../entities/assignment.entity';

export class AddAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @LowercaseIds()
  @IsUUID('all')
  applicationId!: string;

  @ApiProperty({ format: 'uuid' })
  @LowercaseIds()
  @IsUUID('all')
  jurorId!: string;
}

export class AssignmentReasonDto {
  @ApiProperty({ maxLength: 2000, example: 'Recognised the project: a neighbour' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class SwapAssignmentDto extends AssignmentReasonDto {
  @ApiProperty({ format: 'uuid', description: 'The juror who takes the place' })
  @LowercaseIds()
  @IsUUID('all')
  jurorId!: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() status!: AssignmentStatus;
  @ApiProperty() source!: string;
  @ApiProperty() affinity!: number;
  @ApiProperty() createdAt!: string;

  static from(a: Assignment): AssignmentDto {
    return {
      id: a.id,
      roundId: a.roundId,
      applicationId: a.applicationId,
      jurorId: a.jurorId,
      status: a.status,
      source: a.source,
      affinity: a.affinity,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class AssignmentRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['queued', 'succeeded', 'infeasible'] }) status!: RunStatus;
  @ApiProperty({ description: 'manager, removal or recusal' }) trigger!: string;
  @ApiProperty({ nullable: true, type: String }) seed!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the instance solved' }) inputHash!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Total affinity of the assignments made' }) objective!:
    string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) durationMs!: number | null;
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiPropertyOptional({ description: 'Engine figures, or the explanation when infeasible' }) details!: Record<
    string,
    unknown
  > | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  static from(r: AssignmentRun): AssignmentRunDto {
    return {
      id: r.id,
      roundId: r.roundId,
      status: r.status,
      trigger: r.trigger,
      seed: r.seed,
      inputHash: r.inputHash,
      objective: r.objective,
      durationMs: r.durationMs,
      assigned: r.assigned,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  }
}

/** One juror's assignment to an application, as the manager's overview shows it. */
export class OverviewAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() jurorName!: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ description: 'engine or manager' }) source!: string;
  @ApiProperty() affinity!: number;
  @ApiProperty({ nullable: true, type: String, enum: ['draft', 'submitted', 'withdrawn'] })
  scoresheet!: string | null;
  @ApiProperty({ nullable: true, type: String }) endReason!: string | null;
}

export class AssignmentOverviewRowDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() applicationStatus!: string;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true, description: 'Jurors kept ready for a freed place' })
  alternates!: string[];
  @ApiProperty({ type: [OverviewAssignmentDto] }) assignments!: OverviewAssignmentDto[];
}

export class AssignmentOverviewPageDto extends PageMetaDto {
  @ApiProperty({ type: [AssignmentOverviewRowDto] }) items!: AssignmentOverviewRowDto[];
}

export class ImportedAffinitiesDto {
  @ApiProperty({ type: 'integer', description: 'Affinities now stored for the round' }) imported!: number;
}

export class AssignmentRunPageDto extends PageMetaDto {
  @ApiProperty({ type: [AssignmentRunDto] }) items!: AssignmentRunDto[];
}
