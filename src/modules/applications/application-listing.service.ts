import { Language } from '../../common/i18n/language';
import { pickText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import {
  ApplicationFilter,
  Dossier,
  FilterChoices,
  ApplicationsQueryRepository,
  ListRow,
  SortKey,
  Summary,
} from './applications-query.repository';
import { tengeDecimal } from '../../common/money/tenge';
import { BOM, csvLine } from './domain/csv';

/** Amounts in tenge (see tengeDecimal), not in tiyn: the header says so. */
const CSV_HEADER = [
  'reference',
  'status',
  'title',
  'applicant',
  'village',
  'district',
  'sector',
  'requested_kzt',
  'own_contribution_kzt',
  'jobs_created',
  'submitted_at',
  'screening_reason',
];

/** Staff views over a competition's applications. */
@Injectable()
export class ApplicationListingService {
  constructor(private readonly queries: ApplicationsQueryRepository) {}

  async list(
    filter: ApplicationFilter,
    sort: SortKey = 'submittedAt',
    order: 'asc' | 'desc' = 'desc',
    limit = 20,
    offset = 0,
  ): Promise<[ListRow[], number]> {
    return this.queries.list(filter, sort, order === 'asc' ? 'ASC' : 'DESC', limit, offset);
  }

  /** CSV text in chunks (BOM first), place names in the reader's language, written as it is read, for any number of applications. */
  async *csv(filter: ApplicationFilter, lang: Language): AsyncGenerator<string> {
    yield BOM + csvLine(CSV_HEADER);
    for await (const rows of this.queries.exportRows(filter)) {
      yield rows
        .map(({ application: a, villageName, districtName, applicantName }) =>
          csvLine([
            a.reference,
            a.status,
            a.title,
            applicantName,
            pickText(villageName, lang),
            pickText(districtName, lang),
            a.sector,
            tengeDecimal(a.requestedAmount),
            tengeDecimal(a.ownContribution),
            a.jobsCreated,
            a.submittedAt?.toISOString(),
            a.screeningReason,
          ]),
        )
        .join('');
    }
  }

  async summary(competitionId: string): Promise<Summary> {
    return this.queries.summary(competitionId);
  }

  /** The villages, districts and plan goals that have applications, with counts: a table's filters. */
  async filterChoices(competitionId: string): Promise<FilterChoices> {
    return this.queries.filterChoices(competitionId);
  }

  /** Counts by status of each competition (drafts included), for a list of competitions. */
  async statusCounts(competitionIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
    return this.queries.statusCounts(competitionIds);
  }

  /** The ids a filter matches (drafts excluded unless asked for), at most `limit`, and how many match in all. */
  async matchingIds(filter: ApplicationFilter, limit: number): Promise<{ ids: string[]; total: number }> {
    const [rows, total] = await this.queries.list(filter, 'reference', 'ASC', limit, 0);
    return { ids: rows.map((r) => r.application.id), total };
  }

  /** Identity, places, goals and the latest snapshot of an application; staff only (the caller checks the role). */
  async dossier(applicationId: string): Promise<Dossier | null> {
    return this.queries.dossier(applicationId);
  }
}
