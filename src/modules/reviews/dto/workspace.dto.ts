import { asLocalizedText, LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsString, MaxLength } from 'class-validator';
import { PageMetaDto } from '../../../common/http/pagination';
import { OptionalNotNull } from '../../../common/validation/optional';
import { Attachment } from '../../attachments/entities/attachment.entity';
import { RubricCriterion } from '../domain/rounds/round-method';
import { jurorMay } from '../domain/rounds/round-status';
import { scoresheetTotal } from '../domain/scoring/scoresheet';
import { ReviewRound } from '../entities/review-round.entity';
import { Scoresheet, ScoresheetStatus } from '../entities/scoresheet.entity';
import { AssignmentView } from '../workspace.service';
import { JurorAssignmentRow } from '../workspace.repository';

export class SaveScoresheetDto {
  @ApiProperty({
    example: { plan_alignment: 4, feasibility: 3 },
    description: 'Whole-number score per criterion code; a draft may leave some out',
  })
  @IsObject()
  scores!: Record<string, unknown>;

  @ApiPropertyOptional({
    example: { feasibility: 'Budget for equipment is thin' },
    description: 'Comment per criterion code',
  })
  @OptionalNotNull()
  @IsObject()
  comments?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  comment?: string;

  @ApiPropertyOptional({ default: false, description: 'Submit (every criterion scored) rather than save a draft' })
  @OptionalNotNull()
  @IsBoolean()
  submit?: boolean;
}

export class ScoresheetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'withdrawn'] }) status!: ScoresheetStatus;
  @ApiProperty() scores!: Record<string, number>;
  @ApiProperty() comments!: Record<string, string>;
  @ApiProperty() comment!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'This scoresheet’s total, 0-100, once every criterion is scored',
  })
  total!: number | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() updatedAt!: string;

  static from(s: Scoresheet, criteria: RubricCriterion[]): ScoresheetDto {
    const complete = criteria.every((c) => typeof s.scores[c.code] === 'number');
    return {
      id: s.id,
      status: s.status,
      scores: s.scores,
      comments: s.comments,
      comment: s.comment,
      total: complete ? scoresheetTotal(criteria, s.scores) : null,
      submittedAt: s.submittedAt?.toISOString() ?? null,
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class WorkspaceRoundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() status!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty() blind!: boolean;
  @ApiProperty({ description: 'The rubric: criteria with weights, scales and level descriptors' })
  criteria!: RubricCriterion[];

  static from(r: ReviewRound): WorkspaceRoundDto {
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      deadline: r.deadline.toISOString(),
      blind: r.method.blind,
      criteria: r.method.criteria,
    };
  }
}

export class JurorAssignmentDto {
  @ApiProperty({ format: 'uuid', description: 'The assignment id: the workspace names applications only by it' })
  id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sector!: string;
  @LocalizedTextProperty() villageName!: LocalizedText;
  @ApiProperty({ nullable: true, type: String, enum: ['draft', 'submitted', 'withdrawn'] })
  scoresheet!: ScoresheetStatus | null;

  static from(r: JurorAssignmentRow): JurorAssignmentDto {
    return {
      id: r.id,
      title: r.title,
      sector: r.sector,
      villageName: asLocalizedText(r.villageName),
      scoresheet: r.scoresheet,
    };
  }
}

export class JurorAssignmentsDto {
  @ApiProperty({ type: WorkspaceRoundDto }) round!: WorkspaceRoundDto;
  @ApiProperty({ type: [JurorAssignmentDto] }) items!: JurorAssignmentDto[];
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiProperty({ type: 'integer' }) submitted!: number;
}

/** One round a juror has assignments in, with their progress. */
export class JurorRoundDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) competitionId!: string;
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiProperty({ type: 'integer' }) submitted!: number;
}

/**
 * What a juror reads: the frozen proposal. In a blind round it holds no applicant name, no
 * reference and no contacts: those fields are simply not in this object.
 */
export class ProposalDto {
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() description!: string;
  @ApiProperty() sector!: string;
  @LocalizedTextProperty() villageName!: LocalizedText;
  @ApiProperty({ description: 'Linked goals of the village plan: [{ code, title, contribution }]' }) goals!: {
    code: string;
    title: LocalizedText;
    contribution: string;
  }[];
  @ApiProperty({ description: 'Minor units (tiyn), integer string' }) requestedAmount!: string;
  @ApiProperty({ description: 'Minor units (tiyn), integer string' }) ownContribution!: string;
  @ApiProperty() budgetLines!: unknown[];
  @ApiProperty({ type: 'integer' }) jobsCreated!: number;
  @ApiProperty({ nullable: true, type: String }) plannedStart!: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) durationMonths!: number | null;
}

export class NamedProposalDto extends ProposalDto {
  @ApiProperty() reference!: string;
  @ApiProperty() applicantName!: string;
}

export class ReviewAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    description: 'The file name in a round that is not blind; a neutral label in a blind one (names can reveal people)',
  })
  name!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
}

/** A label that says what the file is without its name: "attachment-2.pdf". */
export const neutralName = (a: Pick<Attachment, 'mediaType'>, index: number) =>
  `attachment-${index + 1}.${EXTENSION[a.mediaType] ?? 'bin'}`;
const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export class AssignmentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: WorkspaceRoundDto }) round!: WorkspaceRoundDto;
  @ApiProperty({
    type: ProposalDto,
    description: 'NamedProposalDto (with reference and applicantName) when the round is not blind',
  })
  application!: ProposalDto | NamedProposalDto;
  @ApiProperty({ type: ScoresheetDto, nullable: true }) scoresheet!: ScoresheetDto | null;
  @ApiProperty({
    description:
      'True while the round is open: the scoresheet can be saved and submitted; once it closes the assignment is read-only',
  })
  editable!: boolean;
  @ApiProperty({
    type: [ReviewAttachmentDto],
    description:
      'Files of the application this juror may open (GET /api/reviews/assignments/:id/attachments/:attachmentId)',
  })
  attachments!: ReviewAttachmentDto[];

  static from(v: AssignmentView): AssignmentViewDto {
    const c = v.content.content as Record<string, unknown>;
    const proposal: ProposalDto = {
      title: String(c.title ?? ''),
      summary: String(c.summary ?? ''),
      description: String(c.description ?? ''),
      sector: String(c.sector ?? ''),
      villageName: asLocalizedText(c.villageName),
      goals: v.goals,
      requestedAmount: String(c.requestedAmount ?? '0'),
      ownContribution: String(c.ownContribution ?? '0'),
      budgetLines: Array.isArray(c.budgetLines) ? c.budgetLines : [],
      jobsCreated: Number(c.jobsCreated ?? 0),
      plannedStart: (c.plannedStart as string | null) ?? null,
      durationMonths: (c.durationMonths as number | null) ?? null,
    };
    const application: ProposalDto | NamedProposalDto = v.round.method.blind
      ? proposal
      : { ...proposal, reference: String(c.reference ?? ''), applicantName: v.content.applicantName };
    return {
      id: v.assignment.id,
      round: WorkspaceRoundDto.from(v.round),
      application,
      scoresheet: v.scoresheet ? ScoresheetDto.from(v.scoresheet, v.round.method.criteria) : null,
      editable: jurorMay('score', v.round.status),
      attachments: v.attachments.map((a, i) => ({
        id: a.id,
        name: v.round.method.blind ? neutralName(a, i) : a.originalName,
        mediaType: a.mediaType,
        size: a.size,
      })),
    };
  }
}

export class JurorRoundPageDto extends PageMetaDto {
  @ApiProperty({ type: [JurorRoundDto] }) items!: JurorRoundDto[];
}
