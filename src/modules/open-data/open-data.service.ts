import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CompetitionErrors } from '../competitions/competitions.errors';
import { Publisher, toThreeSixtyGiving } from './domain/three-sixty-giving';
import { FiguresQueryDto, GrantFilterDto, GrantSummaryDto, GrantSummaryQueryDto, PublicFiguresDto, PublicGrantDto, PublicGrantPageDto } from './dto/open-data.dto';
import { GrantFilter, OpenDataRepository } from './open-data.repository';

const EXPORT_BATCH = 500;

/**
 * Open data (DESIGN.md section 10): the grants awarded, where they went and which plan goals they
 * serve, headline figures, and the 360Giving export. Nothing here names or contacts a grantee.
 */
@Injectable()
export class OpenDataService {
  private readonly publisher: Publisher;

  constructor(
    private readonly repository: OpenDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.publisher = { ...config.openData, pseudonymSecret: config.pseudonymSecret, publicUrl: config.publicUrl, timeZone: config.mailTimeZone };
  }

  async grants(query: GrantFilterDto): Promise<PublicGrantPageDto> {
    const [rows, total] = await this.repository.grants(filterOf(query), query);
    return { items: rows.map((g) => PublicGrantDto.from(g, this.config.pseudonymSecret)), total, limit: query.limit, offset: query.offset };
  }

  async summary(query: GrantSummaryQueryDto): Promise<GrantSummaryDto> {
    const rows = await this.repository.summary(query.by, filterOf(query));
    return {
      by: query.by,
      rows: rows.map((r) => ({ id: r.id, name: r.name, currency: r.currency, grants: r.grants, amountAwarded: r.awarded.toString(), amountDisbursed: r.paid.toString() })),
    };
  }

  async figures(query: FiguresQueryDto): Promise<PublicFiguresDto> {
    if (query.competitionId) await this.publicCompetition(query.competitionId);
    return PublicFiguresDto.from(await this.repository.figures(query.competitionId));
  }

  /**
   * The competition's grants as a 360Giving package, produced in batches so that a national call
   * (100,000 grants) streams in constant memory. The competition is checked before the first byte,
   * so an unknown one is a plain 404.
   */
  async threeSixtyGiving(competitionId: string): Promise<AsyncIterable<string>> {
    await this.publicCompetition(competitionId);
    return this.packageChunks(competitionId);
  }

  /** Ids first, then rows by id in batches: linear in the grants, however many there are. */
  private async *packageChunks(competitionId: string): AsyncGenerator<string> {
    const ids = await this.repository.grantIds(competitionId);
    yield '{"grants":[';
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = await this.repository.grantsByIds(ids.slice(start, start + EXPORT_BATCH));
      const text = batch.map((g) => JSON.stringify(toThreeSixtyGiving(g, this.publisher))).join(',');
      yield start === 0 ? text : `,${text}`;
    }
    yield ']}';
  }

  private async publicCompetition(id: string): Promise<void> {
    if (!(await this.repository.isPublicCompetition(id))) throw new DomainError(CompetitionErrors.NOT_FOUND);
  }
}

function filterOf(query: GrantFilterDto): GrantFilter {
  const { competitionId, regionId, districtId, villageId, goalId, sector } = query;
  return { competitionId, regionId, districtId, villageId, goalId, sector };
}
