import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { OptionalIdField } from '../../../common/validation/id-field';
import { Sector, SECTORS } from '../../applications/domain/application-status';
import {
  GRANT_GROUPS,
  GrantGroup,
  GrantRow,
  PublicFigures,
  granteePseudonym,
  publicTitle,
} from '../domain/public-grant';

const MINOR = 'Minor units (tiyn), integer string';

export class GrantFilterDto extends PageQueryDto {
  @OptionalIdField('Only grants of this competition')
  competitionId?: string;
  @OptionalIdField('Only grants in this region')
  regionId?: string;
  @OptionalIdField('Only grants in this district')
  districtId?: string;
  @OptionalIdField('Only grants in this village')
  villageId?: string;
  @OptionalIdField('Only grants serving this plan goal')
  goalId?: string;
  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}

/** The filters of the grants list without its paging: an export has every grant they pick. */
export class GrantExportQueryDto extends OmitType(GrantFilterDto, ['limit', 'offset'] as const) {}

export class GrantSummaryQueryDto extends GrantFilterDto {
  @ApiProperty({ enum: GRANT_GROUPS })
  @IsIn(GRANT_GROUPS)
  by!: GrantGroup;
}

export class FiguresQueryDto {
  @OptionalIdField('Only this competition')
  competitionId?: string;
}

class NamedRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @LocalizedTextProperty()
  name!: LocalizedText;
}

class GoalRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'G1' })
  code!: string;
  @LocalizedTextProperty()
  title!: LocalizedText;
}

class CompetitionRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @LocalizedTextProperty()
  title!: LocalizedText;
}

export class PublicGrantDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({
    description:
      'The grantee as a stable pseudonym (the same person reads the same everywhere); no name or contact is published',
    example: 'P-3f9a0c1d2e4b5a69',
  })
  recipient!: string;
  @ApiProperty({
    description:
      'Built from the sector and the village, never from the applicant’s own text; in English (names fall back to kk, ru)',
  })
  title!: string;
  @ApiProperty({ type: CompetitionRefDto })
  competition!: CompetitionRefDto;
  @ApiProperty({ enum: ['accepted', 'active', 'completed', 'cancelled'] })
  status!: string;
  @ApiProperty({ enum: SECTORS })
  sector!: string;
  @ApiProperty({ type: NamedRefDto })
  region!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto })
  district!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto })
  village!: NamedRefDto;
  @ApiProperty({ type: [GoalRefDto] })
  goals!: GoalRefDto[];
  @ApiProperty({ example: 'KZT' })
  currency!: string;
  @ApiProperty({ description: `${MINOR}; for a grant cancelled after payments, what was paid` })
  amountAwarded!: string;
  @ApiProperty({ description: MINOR })
  amountDisbursed!: string;
  @ApiProperty({ format: 'date-time', description: 'When the award was approved' })
  awardedAt!: string;
  @ApiProperty({ type: 'integer', description: 'Tranches in the grant’s schedule' })
  tranches!: number;
  @ApiProperty({ type: 'integer', description: 'Tranches paid' })
  tranchesPaid!: number;
  @ApiProperty({ type: 'integer', description: 'Milestone reports approved' })
  reportsApproved!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Jobs created so far, as the latest approved milestone report states them; null before any',
  })
  jobsCreated!: number | null;

  static from(grant: GrantRow, pseudonymSecret: string): PublicGrantDto {
    return {
      id: grant.id,
      recipient: granteePseudonym(pseudonymSecret, grant.applicantId),
      title: publicTitle(grant),
      competition: grant.competition,
      status: grant.status,
      sector: grant.sector,
      region: grant.region,
      district: grant.district,
      village: { id: grant.village.id, name: grant.village.name },
      goals: grant.goals,
      currency: grant.currency,
      amountAwarded: grant.awarded.toString(),
      amountDisbursed: grant.paid.toString(),
      awardedAt: grant.approvedAt.toISOString(),
      tranches: grant.progress?.tranches ?? 0,
      tranchesPaid: grant.progress?.tranchesPaid ?? 0,
      reportsApproved: grant.progress?.reportsApproved ?? 0,
      jobsCreated: grant.progress?.jobsCreated ?? null,
    };
  }
}

export class PublicGrantPageDto extends PageMetaDto {
  @ApiProperty({ type: [PublicGrantDto] })
  items!: PublicGrantDto[];
}

export class GrantSummaryRowDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @LocalizedTextProperty({ description: "The place's name, or a goal's code and title, in each language given" })
  name!: LocalizedText;
  @ApiProperty()
  currency!: string;
  @ApiProperty({ type: 'integer' })
  grants!: number;
  @ApiProperty({ description: MINOR })
  amountAwarded!: string;
  @ApiProperty({ description: MINOR })
  amountDisbursed!: string;
}

export class GrantSummaryDto {
  @ApiProperty({ enum: GRANT_GROUPS })
  by!: GrantGroup;
  @ApiProperty({
    type: [GrantSummaryRowDto],
    description: 'Sorted by name. By goal, a grant serving several goals counts under each.',
  })
  rows!: GrantSummaryRowDto[];
}

class MoneyFiguresDto {
  @ApiProperty()
  currency!: string;
  @ApiProperty({ description: `${MINOR}: the budgets of the public competitions` })
  budget!: string;
  @ApiProperty({ type: 'integer' })
  grants!: number;
  @ApiProperty({ description: MINOR })
  amountAwarded!: string;
  @ApiProperty({ description: MINOR })
  amountDisbursed!: string;
}

export class PublicFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Competitions past drafting' })
  competitions!: number;
  @ApiProperty({ type: 'integer' })
  openCompetitions!: number;
  @ApiProperty({ type: 'integer' })
  applicationsSubmitted!: number;
  @ApiProperty({ type: 'integer' })
  villagesWithGrants!: number;
  @ApiProperty({ type: 'integer' })
  districtsWithGrants!: number;
  @ApiProperty({ type: [MoneyFiguresDto] })
  money!: MoneyFiguresDto[];

  static from(f: PublicFigures): PublicFiguresDto {
    return {
      ...f,
      money: f.money.map((m) => ({
        currency: m.currency,
        budget: m.budget.toString(),
        grants: m.grants,
        amountAwarded: m.awarded.toString(),
        amountDisbursed: m.paid.toString(),
      })),
    };
  }
}
