import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { AssignmentRun, RunStatus } from '../entities/assignment-run.entity';
import { Assignment, AssignmentStatus } from '../entities/assignment.entity';

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
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty() assigned!: number;
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
