import { Inject, Injectable } from '@nestjs/common';
import { Language } from '../../common/i18n/language';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CompetitionErrors } from '../competitions/competitions.errors';
import { OpenDataErrors } from './open-data.errors';
import { Publisher, toThreeSixtyGiving } from './domain/three-sixty-giving';
import { BOM, csvLine } from '../applications/domain/csv';
import { grantCsvLine, GRANTS_CSV_HEADER } from './grants-csv';
import {
  FiguresQueryDto,
  GrantExportQueryDto,
  GrantFilterDto,
  GrantSummaryDto,
  GrantSummaryQueryDto,
  PublicFiguresDto,
  PublicGrantDto,
  PublicGrantPageDto,
} from './dto/open-data.dto';
import { GrantFilter, OpenDataRepository } from './open-data.repository';

const EXPORT_BATCH = 500;
const MAX_EXPORTS = 2;
const MAX_WAITING_EXPORTS = 50;

/**
 * Open data (DESIGN.md section 10): the grants awarded, where they went and which plan goals they
 * serve, headline figures, and the 360Giving export. Nothing here names or contacts a grantee.
 */
@Injectable()
export class OpenDataService {
  private readonly publisher: Publisher;
  private exportsRunning = 0;
  private readonly exportLine: (() => void)[] = [];

  constructor(
    private readonly repository: OpenDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.publisher = {
      ...config.openData,
      pseudonymSecret: config.pseudonymSecret,
      publicUrl: config.publicUrl,
      timeZone: config.mailTimeZone,
    };
  }

  async grants(query: GrantFilterDto): Promise<PublicGrantPageDto> {
    const [rows, total] = await this.repository.grants(filterOf(query), query);
    return {
      items: rows.map((g) => PublicGrantDto.from(g, this.config.pseudonymSecret)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async summary(query: GrantSummaryQueryDto): Promise<GrantSummaryDto> {
    const rows = await this.repository.summary(query.by, filterOf(query));
    return {
      by: query.by,
      rows: rows.map((r) => ({
        id: r.id,
        name: r.name,
        currency: r.currency,
        grants: r.grants,
        amountAwarded: r.awarded.toString(),
        amountDisbursed: r.paid.toString(),
      })),
    };
  }

  async figures(query: FiguresQueryDto): Promise<PublicFiguresDto> {
    if (query.competitionId) await this.publicCompetition(query.competitionId);
    return PublicFiguresDto.from(await this.repository.figures(query.competitionId));
  }

  /**
   * Writes the competition's grants as a 360Giving package through `write`, produced in batches so
   * that a national call (100,000 grants) streams in constant memory. The competition is checked
   * before the first byte, so an unknown one is a plain 404. An export uses the database for its
   * whole length and anyone may ask for one: two run at a time per process and the others wait in
   * line (past 50 waiting, 503 with Retry-After), so exports never starve other requests of the pool.
   */
  async threeSixtyGiving(
    competitionId: string,
    write: (chunks: AsyncIterable<string>) => Promise<void>,
  ): Promise<void> {
    await this.publicCompetition(competitionId);
    await this.exportSlot();
    try {
      await write(this.packageChunks(competitionId));
    } finally {
      this.releaseExportSlot();
    }
  }

  /**
   * Writes the public grants a filter picks as CSV (UTF-8 with a BOM, amounts in tenge) through
   * `write`, in batches and sharing the export slots with the 360Giving export: any size streams
   * in constant memory without starving other requests.
   */
  async grantsCsv(
    query: GrantExportQueryDto,
    lang: Language,
    write: (chunks: AsyncIterable<string>) => Promise<void>,
  ): Promise<void> {
    await this.exportSlot();
    try {
      await write(this.csvChunks(filterOf(query), lang));
    } finally {
      this.releaseExportSlot();
    }
  }

  private async *csvChunks(filter: GrantFilter, lang: Language): AsyncGenerator<string> {
    const ids = await this.repository.grantIds(filter);
    yield BOM + csvLine(GRANTS_CSV_HEADER);
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = await this.repository.grantsByIds(ids.slice(start, start + EXPORT_BATCH));
      yield batch.map((g) => grantCsvLine(g, this.config.pseudonymSecret, lang)).join('');
    }
  }

  /** Takes one of the export slots, or waits in line for one (the line is bounded: past it, 503). */
  private async exportSlot(): Promise<void> {
    if (this.exportsRunning < MAX_EXPORTS) {
      this.exportsRunning += 1;
      return;
    }
    if (this.exportLine.length >= MAX_WAITING_EXPORTS)
      throw new DomainError(OpenDataErrors.EXPORT_BUSY, { retryAfterSeconds: 5 });
    await new Promise<void>((resolve) => this.exportLine.push(resolve));
  }

  /** Hands the slot to the next in line, if any. */
  private releaseExportSlot(): void {
    const next = this.exportLine.shift();
    if (next) next();
    else this.exportsRunning -= 1;
  }

  /** Ids first, then rows by id in batches: linear in the grants, however many there are. */
  private async *packageChunks(competitionId: string): AsyncGenerator<string> {
    const ids = await this.repository.grantIds({ competitionId });
    yield '{"grants":[';
    let written = 0;
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = await this.repository.grantsByIds(ids.slice(start, start + EXPORT_BATCH));
      if (batch.length === 0) continue;
      const text = batch.map((g) => JSON.stringify(toThreeSixtyGiving(g, this.publisher))).join(',');
      yield written === 0 ? text : `,${text}`;
      written += batch.length;
    }
    yield ']}';
  }

  private async publicCompetition(id: string): Promise<void> {
    if (!(await this.repository.isPublicCompetition(id))) throw new DomainError(CompetitionErrors.NOT_FOUND);
  }
}

function filterOf(query: GrantExportQueryDto): GrantFilter {
  const { competitionId, regionId, districtId, villageId, goalId, sector } = query;
  return { competitionId, regionId, districtId, villageId, goalId, sector };
}
