import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/http/pagination';
import { APPLICATION_STATUSES, ApplicationStatus, FUNDING_SOURCES, SECTORS } from '../domain/application-status';
import { ApplicationStatusChange } from '../entities/application-status-change.entity';
import { applicationContent } from '../application-content';
import { Application } from '../entities/application.entity';

export class GoalLinkViewDto {
  @ApiProperty({ format: 'uuid' })
  goalId!: string;
  @ApiProperty()
  contribution!: string;
}

export class BudgetLineViewDto {
  @ApiProperty()
  category!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ description: 'Minor units, integer string' })
  amount!: string;
  @ApiProperty({ enum: FUNDING_SOURCES })
  source!: string;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  competitionId!: string;
  @ApiProperty({ format: 'uuid' })
  applicantId!: string;
  @ApiProperty({ format: 'uuid' })
  villageId!: string;
  @ApiProperty({ nullable: true, type: String })
  villageReason!: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String, example: 'SU-2026-0042' })
  reference!: string | null;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  summary!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({ enum: SECTORS })
  sector!: string;
  @ApiProperty({ type: [GoalLinkViewDto] })
  goals!: GoalLinkViewDto[];
  @ApiProperty({ description: 'Minor units, integer string' })
  requestedAmount!: string;
  @ApiProperty({ description: 'Minor units, integer string' })
  ownContribution!: string;
  @ApiProperty({ type: [BudgetLineViewDto] })
  budgetLines!: BudgetLineViewDto[];
  @ApiProperty({ type: 'integer' })
  jobsCreated!: number;
  @ApiProperty({ nullable: true, type: String })
  plannedStart!: string | null;
  @ApiProperty({ nullable: true, type: 'integer' })
  durationMonths!: number | null;
  @ApiProperty()
  assisted!: boolean;
  @ApiProperty({ nullable: true, type: String })
  submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  withdrawnAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  withdrawReason!: string | null;
  @ApiProperty()
  updatedAt!: string;

  static from(a: Application): ApplicationDto {
    return {
      id: a.id,
      competitionId: a.competitionId,
      applicantId: a.applicantId,
      villageId: a.villageId,
      villageReason: a.villageReason,
      status: a.status,
      reference: a.reference,
      ...applicationContent(a),
      assisted: a.assisted,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
      withdrawReason: a.withdrawReason,
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

export class StatusChangeDto {
  @ApiProperty({ nullable: true, type: String })
  from!: string | null;
  @ApiProperty()
  to!: string;
  @ApiProperty()
  at!: string;
  @ApiProperty({ nullable: true, type: String })
  reason!: string | null;

  static from(c: ApplicationStatusChange): StatusChangeDto {
    return { from: c.fromStatus, to: c.toStatus, at: c.at.toISOString(), reason: c.reason };
  }
}

export class MyApplicationPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApplicationDto] })
  items!: ApplicationDto[];
}

export class StatusChangePageDto extends PageMetaDto {
  @ApiProperty({ type: [StatusChangeDto] })
  items!: StatusChangeDto[];
}
