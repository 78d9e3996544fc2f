import { ApiProperty } from '@nestjs/swagger';
import { ReviewRound } from '../entities/review-round.entity';
import { PublicResultRow } from '../results.repository';
import { RoundDto } from './round.dto';

export class PublicGateDto {
  @ApiProperty({ description: 'Criterion code' })
  criterion!: string;
  @ApiProperty({ description: 'The gate: a mean below this bars advancement' })
  min!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean score on the criterion (null without scoresheets)' })
  mean!: number | null;
  @ApiProperty()
  passed!: boolean;
}

export class PublicResultDto {
  @ApiProperty({ format: 'uuid', description: 'The id the lottery ticket is drawn from' })
  applicationId!: string;
  @ApiProperty({ example: 'SU-TUP-2026-0042' })
  reference!: string;
  @ApiProperty({ description: 'Requested amount, minor units (the second tie-break)' })
  requested!: string;
  @ApiProperty({ type: 'integer', description: 'Scoresheets that counted' })
  scoresheets!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description:
      'Mean score per criterion code over the counted scoresheets (each mean × scoresheets is a whole number)',
  })
  means!: Record<string, number | null>;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the scoresheet totals, 0-100' })
  official!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Quality in the additive model (juror offsets removed)' })
  calibrated!: number | null;
  @ApiProperty({ type: [PublicGateDto] })
  gates!: PublicGateDto[];
  @ApiProperty()
  quorumMet!: boolean;
  @ApiProperty({ nullable: true, type: 'integer', description: '1 = best; null when not ranked (below quorum)' })
  rank!: number | null;
  @ApiProperty()
  advanced!: boolean;
  @ApiProperty({ enum: ['advanced', 'below_quorum', 'below_gate', 'below_line'] })
  reason!: string;
}

export class PublicRoundResultsDto {
  @ApiProperty({
    type: RoundDto,
    description: 'The round with its published method (ranking and lottery included) and seed',
  })
  round!: RoundDto;
  @ApiProperty({ description: "The competition budget a 'budget' advancement multiplies, minor units" })
  budget!: string;
  @ApiProperty({ description: 'Whether the calibrated score decided the ranking' })
  calibratedDecides!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the calibrated score only advises: not_declared, graph_not_connected, too_few_sheets_per_juror',
  })
  calibrationBlockedBy!: string | null;
  @ApiProperty({
    type: [PublicResultDto],
    description: 'Every application of the round, in rank order (unranked last)',
  })
  items!: PublicResultDto[];

  static from(round: ReviewRound, budget: bigint, rows: PublicResultRow[]): PublicRoundResultsDto {
    const summary = (round.summary ?? {}) as { calibratedDecides?: boolean; calibrationBlockedBy?: string | null };
    const criteria = round.method.criteria ?? [];
    return {
      round: RoundDto.from(round),
      budget: budget.toString(),
      calibratedDecides: summary.calibratedDecides ?? false,
      calibrationBlockedBy: summary.calibrationBlockedBy ?? null,
      items: rows.map((r) => {
        const mean = (code: string) => (r.count > 0 && r.sums[code] !== undefined ? r.sums[code] / r.count : null);
        return {
          applicationId: r.applicationId,
          reference: r.reference,
          requested: r.requested.toString(),
          scoresheets: r.count,
          means: Object.fromEntries(criteria.map((c) => [c.code, mean(c.code)])),
          official: r.official,
          calibrated: r.calibrated,
          gates: criteria
            .filter((c) => c.min !== undefined)
            .map((c) => ({
              criterion: c.code,
              min: c.min!,
              mean: mean(c.code),
              passed: !r.gatesFailed.includes(c.code),
            })),
          quorumMet: r.quorumMet,
          rank: r.rank,
          advanced: r.advanced,
          reason: r.reason,
        };
      }),
    };
  }
}
