import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty } from '@nestjs/swagger';
import { CompetitionAllocation } from '../allocation.service';
import { ListReason } from '../domain/published-allocation';

const REASONS: ListReason[] = [
  'funded',
  'funded_partially',
  'floor',
  'budget_exhausted',
  'envelope_full',
  'below_gate',
  'tie_lost_by_lot',
  'not_advanced',
  'below_quorum',
  'withdrawn',
  'declined',
  'cancelled',
];

export class AllocationRowDto {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;
  @ApiProperty({ example: 'SU-TUP-2026-0042' })
  reference!: string;
  @ApiProperty({ nullable: true, type: 'integer' })
  rank!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Official score (mean of totals)' })
  officialScore!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  calibratedScore!: number | null;
  @ApiProperty({ type: [String], description: 'Criteria whose gate it failed' })
  gatesFailed!: string[];
  @ApiProperty({ description: 'Minor units' })
  requested!: string;
  @ApiProperty({ format: 'uuid' })
  districtId!: string;
  @LocalizedTextProperty()
  districtName!: LocalizedText;
  @ApiProperty({ format: 'uuid' })
  villageId!: string;
  @LocalizedTextProperty()
  villageName!: LocalizedText;
  @ApiProperty({
    description:
      'What the allocation gives, minor units (0 when not funded); on a cancelled award, what was paid on it, which it still holds',
  })
  amount!: string;
  @ApiProperty({ enum: REASONS })
  reason!: ListReason;
  @ApiProperty({ nullable: true, type: String, description: 'The live award, if one exists' })
  awardStatus!: string | null;
  @ApiProperty({
    description:
      'What the award of this application holds before anyone is allocated anew, minor units: a live award (proposed or further along) its amount, a cancelled one what was paid on it, otherwise 0',
  })
  holds!: string;
}

export class AllocationDto {
  @ApiProperty({ format: 'uuid' })
  competitionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The final round whose ranking is allocated' })
  roundId!: string;
  @ApiProperty({ description: 'Whether the calibrated score decided the ranking' })
  calibratedDecides!: boolean;
  @ApiProperty({
    description: 'The rule parameters, enough to recompute the list',
    example: { budget: '1000000000', maxAward: '300000000', envelopes: [], floors: [], partialMinShareBp: null },
  })
  rules!: {
    budget: string;
    maxAward: string;
    envelopes: { districtId?: string; villageId?: string; amount: string }[];
    floors: { districtId: string; grants: number }[];
    partialMinShareBp: number | null;
  };
  @ApiProperty({ description: 'Sum of the amounts of the list (funded and still held), minor units' })
  committed!: string;
  @ApiProperty()
  remaining!: string;
  @ApiProperty({ type: [AllocationRowDto] })
  decisions!: AllocationRowDto[];

  static from(a: CompetitionAllocation): AllocationDto {
    const rows = new Map(a.rows.map((r) => [r.applicationId, r]));
    return {
      competitionId: a.competition.id,
      roundId: a.round.id,
      calibratedDecides: a.round.calibratedDecides,
      rules: {
        budget: a.rules.budget.toString(),
        maxAward: a.rules.maxAward.toString(),
        envelopes: a.rules.envelopes.map((e) => ({ ...e, amount: e.amount.toString() })),
        floors: [...a.rules.floors],
        partialMinShareBp: a.rules.partial?.minShareBp ?? null,
      },
      committed: a.committed.toString(),
      remaining: a.remaining.toString(),
      decisions: a.decisions.map((d) => {
        const r = rows.get(d.applicationId)!;
        return {
          applicationId: d.applicationId,
          reference: r.reference,
          rank: d.rank,
          officialScore: r.official,
          calibratedScore: r.calibrated,
          gatesFailed: r.gatesFailed,
          requested: r.requested.toString(),
          districtId: r.districtId,
          districtName: r.districtName,
          villageId: r.villageId,
          villageName: r.villageName,
          amount: d.amount.toString(),
          reason: d.reason,
          awardStatus: r.liveAwardStatus,
          holds: (r.liveAwardAmount ?? r.lostAwardHolds).toString(),
        };
      }),
    };
  }
}
