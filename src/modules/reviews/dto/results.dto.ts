import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/http/pagination';
import { RoundDto } from './round.dto';

const pseudonymNote = 'The juror’s id for managers and admins, a stable pseudonym for observers';

export class JurorTotalDto {
  @ApiProperty({ description: pseudonymNote }) juror!: string;
  @ApiProperty({ description: 'The scoresheet’s weighted total, 0-100' }) total!: number;
}

/** One application's stored result in a round, as staff and observers read it. */
export class RankingRowDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Minor units (tiyn), integer string' }) requestedAmount!: string;
  @ApiProperty({ type: 'integer', description: 'Scoresheets that counted' }) count!: number;
  @ApiProperty({ type: [JurorTotalDto] }) totals!: JurorTotalDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the counted totals, 0-100' })
  official!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Quality from the additive model with juror offsets' })
  calibrated!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Highest total minus lowest' }) spread!: number | null;
  @ApiProperty({ type: [String], description: 'Codes of the criteria whose minimum was not met' })
  gatesFailed!: string[];
  @ApiProperty() quorumMet!: boolean;
  @ApiProperty({ nullable: true, type: 'integer' }) rank!: number | null;
  @ApiProperty() advanced!: boolean;
  @ApiProperty({ description: 'Why it advanced or not' }) reason!: string;
  @ApiProperty({ description: 'On the discussion list: a wide spread near the cut-off' }) disputed!: boolean;
}

export class RoundRankingDto extends PageMetaDto {
  @ApiProperty({ type: RoundDto }) round!: RoundDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What finalizing stored for the round: reliability (`alpha`), `inputHash`, calibration and its `jurorOffsets` (keyed as jurors are shown), the applications whose side of the funding line the calibrated score changes (`crossings`)',
  })
  summary!: Record<string, unknown>;
  @ApiProperty({ type: [RankingRowDto] }) items!: RankingRowDto[];
}

export class VerificationDto {
  @ApiProperty({ description: 'The recomputation gives exactly what was stored' }) matches!: boolean;
  @ApiProperty({ description: 'SHA-256 of the frozen scoresheets and method, recomputed' }) inputHash!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The hash stored when the round was finalized' })
  storedInputHash!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true, description: 'Applications whose result differs' })
  differing!: string[];
}

export class JurorProgressDto {
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiProperty({ type: 'integer' }) drafts!: number;
  @ApiProperty({ type: 'integer' }) submitted!: number;
}

export class RoundProgressDto {
  @ApiProperty({ type: [JurorProgressDto] }) jurors!: JurorProgressDto[];
}

/** A scoresheet as oversight reads it once the round is closed: the juror as a stable pseudonym. */
export class OversightScoresheetDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ description: 'A stable pseudonym of the juror' }) juror!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Score per criterion code' })
  scores!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Comment per criterion code' })
  comments!: Record<string, string>;
  @ApiProperty() comment!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
}

export class OversightScoresheetPageDto extends PageMetaDto {
  @ApiProperty({ type: [OversightScoresheetDto] }) items!: OversightScoresheetDto[];
}

/** What an applicant learns of their application in one finalized round. */
export class ApplicantRoundResultDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundName!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the counted totals, 0-100' })
  official!: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) rank!: number | null;
  @ApiProperty() advanced!: boolean;
  @ApiProperty() reason!: string;
}

export class ApplicantRoundResultPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApplicantRoundResultDto] }) items!: ApplicantRoundResultDto[];
}
