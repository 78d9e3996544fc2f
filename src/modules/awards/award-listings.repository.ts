import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AwardStatus } from './domain/award-status';
import { Award } from './entities/award.entity';

/** The lists of awards a manager or an applicant reads, and the applications they name. */
@Injectable()
export class AwardListingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listByCompetition(
    competitionId: string,
    statuses: readonly AwardStatus[] | undefined,
    limit: number,
    offset: number,
  ): Promise<[Award[], number]> {
    const qb = this.dataSource.manager
      .getRepository(Award)
      .createQueryBuilder('a')
      .where('a.competition_id = :competitionId', { competitionId });
    if (statuses) qb.andWhere('a.status IN (:...statuses)', { statuses });
    return qb
      .orderBy('a.rank', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at')
      .addOrderBy('a.id')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  async listByApplicant(applicantId: string, limit: number, offset: number): Promise<[Award[], number]> {
    return this.dataSource.manager
      .getRepository(Award)
      .createQueryBuilder('a')
      .innerJoin('a.application', 'app')
      .where('app.applicant_id = :applicantId', { applicantId })
      .andWhere(`a.status <> 'proposed'`)
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  async applicationSummaries(
    ids: string[],
  ): Promise<Map<string, { reference: string; title: string; applicantId: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; reference: string; title: string; applicantId: string }[] = await this.dataSource.query(
      'SELECT id, reference, title, applicant_id AS "applicantId" FROM applications WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
