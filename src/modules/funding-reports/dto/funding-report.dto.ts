import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Breakdown, BREAKDOWNS, FundingRow } from '../funding-reports.repository';

const MONEY = { type: String, pattern: '^(0|[1-9]\\d*)$', example: '500000000' } as const;
const money = (description: string) => ({
  ...MONEY,
  description: `${description}, in minor units (tiyn) as an integer string`,
});

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportFormatQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'csv: a UTF-8 file with a BOM and a header row',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class LedgerFiguresDto {
  @ApiProperty(
    money('Not yet committed: the ledger’s budget account (the competition budget before the first movement)'),
  )
  budget!: string;
  @ApiProperty(money('Committed and not yet paid: the sum of the awards’ payable accounts'))
  payable!: string;
  @ApiProperty(money('Paid out: the ledger’s paid account'))
  paid!: string;
}

export class BudgetReportDto {
  @ApiProperty({ format: 'uuid' })
  competitionId!: string;
  @ApiProperty({ example: 'KZT' })
  currency!: string;
  @ApiProperty(money('The competition budget'))
  budget!: string;
  @ApiProperty(money('Awards approved or further along, plus what was paid on awards cancelled later'))
  committed!: string;
  @ApiProperty(money('Recorded payments (failed ones excluded)'))
  paid!: string;
  @ApiProperty(money('budget - committed'))
  remaining!: string;
  @ApiProperty(money('committed - paid: still owed to grantees'))
  payable!: string;
  @ApiProperty({ type: LedgerFiguresDto, description: 'The same three figures as the double-entry ledger holds them' })
  fromLedger!: LedgerFiguresDto;
  @ApiProperty({
    description:
      'The books add up: the ledger’s budget, payable and paid equal remaining, payable and paid from the awards and payments',
  })
  consistent!: boolean;
}

export class FundingRowDto {
  @ApiProperty({ format: 'uuid', description: 'District, village or plan goal' })
  id!: string;
  @LocalizedTextProperty({
    description: 'District or village name; for a goal its code and title; in each language given',
    example: { kk: 'G1 Сумен жабдықтау', ru: 'G1 Водоснабжение', en: 'G1 Water supply' },
  })
  name!: LocalizedText;
  @ApiProperty({ type: 'integer', description: 'Awards approved or further along (not declined or cancelled)' })
  grants!: number;
  @ApiProperty(money('Committed to those awards, plus what was paid on awards cancelled later'))
  committed!: string;
  @ApiProperty(money('Recorded payments'))
  paid!: string;
  @ApiProperty({
    description: 'Jobs created so far: per live award, the figure of its latest approved milestone report',
  })
  jobsCreated!: number;

  static from(row: FundingRow): FundingRowDto {
    return {
      id: row.id,
      name: row.name,
      grants: row.grants,
      committed: row.committed.toString(),
      paid: row.paid.toString(),
      jobsCreated: row.jobsCreated,
    };
  }
}

export class FundingReportDto {
  @ApiProperty({ format: 'uuid' })
  competitionId!: string;
  @ApiProperty({ enum: BREAKDOWNS })
  by!: Breakdown;
  @ApiProperty({ example: 'KZT' })
  currency!: string;
  @ApiProperty({
    type: [FundingRowDto],
    description: 'Places or goals with money in them, sorted by name (its Kazakh text, else Russian, else English)',
  })
  rows!: FundingRowDto[];
}
