import { Language } from '../../common/i18n/language';
import { pickText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { tengeDecimal } from '../../common/money/tenge';
import { BOM, csvLine } from '../applications/domain/csv';
import { CompetitionErrors } from '../competitions/competitions.errors';
import { BudgetReportDto, FundingReportDto, FundingRowDto } from './dto/funding-report.dto';
import { Breakdown, FundingReportsRepository } from './funding-reports.repository';

/** Amounts in tenge (see tengeDecimal), not in tiyn as the JSON carries them: the header says so. */
const CSV_HEADER = ['id', 'name', 'grants', 'committed_kzt', 'paid_kzt', 'jobs_created'];

/**
 * Funding figures of a competition for staff and observers (DESIGN.md sections 7 and 10): the
 * budget report that checks the awards and payments against the ledger, and the same money broken
 * down by district, village and plan goal. Every sum happens in SQL.
 */
@Injectable()
export class FundingReportsService {
  constructor(private readonly reports: FundingReportsRepository) {}

  async budget(competitionId: string): Promise<BudgetReportDto> {
    const figures = await this.reports.budgetFigures(competitionId);
    if (!figures) throw new DomainError(CompetitionErrors.NOT_FOUND);
    const { budget, committed, paid, ledger } = figures;
    const remaining = budget - committed;
    const payable = committed - paid;
    // Before its first movement the ledger has not opened the budget: all of it is still uncommitted.
    const ledgerBudget = ledger.opened ? ledger.budget : budget;
    return {
      competitionId,
      currency: figures.currency,
      budget: budget.toString(),
      committed: committed.toString(),
      paid: paid.toString(),
      remaining: remaining.toString(),
      payable: payable.toString(),
      fromLedger: { budget: ledgerBudget.toString(), payable: ledger.payable.toString(), paid: ledger.paid.toString() },
      consistent: ledgerBudget === remaining && ledger.payable === payable && ledger.paid === paid,
    };
  }

  async breakdown(competitionId: string, by: Breakdown): Promise<FundingReportDto> {
    const competition = await this.reports.competition(competitionId);
    if (!competition) throw new DomainError(CompetitionErrors.NOT_FOUND);
    const rows = await this.reports.breakdown(competitionId, by);
    return { competitionId, by, currency: competition.currency, rows: rows.map((r) => FundingRowDto.from(r)) };
  }

  /** The report as CSV (UTF-8 with a BOM, a header row, formula-looking text defused). */
  csv(report: FundingReportDto, lang: Language): string {
    return (
      BOM +
      csvLine(CSV_HEADER) +
      report.rows
        .map((r) =>
          csvLine([
            r.id,
            pickText(r.name, lang),
            r.grants,
            tengeDecimal(BigInt(r.committed)),
            tengeDecimal(BigInt(r.paid)),
            r.jobsCreated,
          ]),
        )
        .join('')
    );
  }
}
