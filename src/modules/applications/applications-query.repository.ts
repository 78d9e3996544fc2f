import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { LocalizedText } from '../../common/i18n/localized-text';
import { pickedTextSql } from '../../common/i18n/localized-text.sql';
import { escapeLike } from '../../database/sql';
import { ApplicationStatus, Sector } from './domain/application-status';
import { Application } from './entities/application.entity';

export interface ApplicationFilter {
  competitionId: string;
  status?: ApplicationStatus;
  villageId?: string;
  districtId?: string;
  goalId?: string;
  sector?: Sector;
  q?: string;
  /** Only these applications (a page showing the outcome of a bulk action). */
  ids?: readonly string[];
}

export const SORTS = {
  submittedAt: 'a.submittedAt',
  reference: 'a.referenceNumber',
  requestedAmount: 'a.requestedAmount',
  title: 'a.title',
  createdAt: 'a.createdAt',
} as const;
export type SortKey = keyof typeof SORTS;

export interface ListRow {
  application: Application;
  villageName: LocalizedText;
  districtName: LocalizedText;
  applicantName: string;
}

/** What a manager reads on one application's page besides the row itself. */
export interface Dossier {
  /** The latest frozen snapshot (null for a draft or an application withdrawn before submission). */
  snapshot: { content: Record<string, unknown>; createdAt: Date } | null;
  applicant: { id: string; name: string; email: string; phone: string | null };
  villageName: LocalizedText;
  districtName: LocalizedText;
  goals: { id: string; code: string; title: LocalizedText }[];
}

/** What a staff table's filters offer: the villages, districts and goals that have applications, with counts. */
export type FilterChoices = Pick<Summary, 'byVillage' | 'byDistrict' | 'byGoal'>;

export interface Summary {
  byStatus: Record<string, number>;
  byVillage: { id: string; name: LocalizedText; count: number }[];
  byDistrict: { id: string; name: LocalizedText; count: number }[];
  byGoal: { id: string; code: string; title: LocalizedText; count: number }[];
  bySector: Record<string, number>;
  requestedTotal: bigint;
  budget: bigint;
}

/** Staff reads over many applications: filtered lists, the CSV export and summary figures. */
@Injectable()
export class ApplicationsQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The rows a filter matches; `withNames` adds the joins that only the page itself needs. */
  private filtered(filter: ApplicationFilter, withNames = true): SelectQueryBuilder<Application> {
    const query = this.dataSource.getRepository(Application).createQueryBuilder('a');
    if (withNames || filter.districtId) query.innerJoin('villages', 'v', 'v.id = a.village_id');
    if (withNames) {
      query
        .innerJoin('districts', 'd', 'd.id = v.district_id')
        .innerJoin('users', 'u', 'u.id = a.applicant_id')
        .addSelect(['v.name AS village_name', 'd.name AS district_name', 'u.full_name AS applicant_name']);
    }
    query.where('a.competitionId = :competitionId', { competitionId: filter.competitionId });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    else query.andWhere(`a.status <> 'draft'`);
    if (filter.villageId) query.andWhere('a.villageId = :villageId', { villageId: filter.villageId });
    if (filter.districtId) query.andWhere('v.district_id = :districtId', { districtId: filter.districtId });
    if (filter.sector) query.andWhere('a.sector = :sector', { sector: filter.sector });
    if (filter.goalId)
      query.andWhere(
        'EXISTS (SELECT 1 FROM application_goals g WHERE g.application_id = a.id AND g.goal_id = :goalId)',
        { goalId: filter.goalId },
      );
    if (filter.ids) query.andWhere('a.id = ANY(:ids)', { ids: filter.ids });
    if (filter.q) query.andWhere('(a.title ILIKE :q OR a.summary ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    return query;
  }

  /**
   * One page of the list. The page's ids are picked first from the applications alone (a narrow
   * sort, however deep the page), then only those rows are read with their names: at 10,000
   * applications this keeps a page at a few milliseconds instead of sorting every joined row.
   */
  async list(
    filter: ApplicationFilter,
    sort: SortKey,
    order: 'ASC' | 'DESC',
    limit: number,
    offset: number,
  ): Promise<[ListRow[], number]> {
    const pageIds = this.filtered(filter, false)
      .select('a.id', 'id')
      .orderBy(SORTS[sort], order, 'NULLS LAST')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .offset(offset);
    const [idRows, total] = await Promise.all([
      pageIds.getRawMany<{ id: string }>(),
      this.filtered(filter, false).getCount(),
    ]);
    if (idRows.length === 0) return [[], total];
    const ids = idRows.map((r) => r.id);
    const { entities, raw } = await this.filtered({
      competitionId: filter.competitionId,
      status: filter.status,
      ids,
    }).getRawAndEntities();
    const byId = new Map(entities.map((application, i) => [application.id, toRow(application, raw[i] as RawNames)]));
    return [ids.map((id) => byId.get(id)).filter((row): row is ListRow => row !== undefined), total];
  }

  /** Rows for the CSV export, in batches, so a large competition never sits in memory at once. */
  async *exportRows(filter: ApplicationFilter, batchSize = 1000): AsyncGenerator<ListRow[]> {
    for (let offset = 0; ; offset += batchSize) {
      const { entities, raw } = await this.filtered(filter)
        .orderBy('a.referenceNumber', 'ASC', 'NULLS LAST')
        .addOrderBy('a.id')
        .limit(batchSize)
        .offset(offset)
        .getRawAndEntities();
      if (entities.length === 0) return;
      yield entities.map((application, i) => toRow(application, raw[i] as RawNames));
      if (entities.length < batchSize) return;
    }
  }

  /** The summary's places and goals only (two reads instead of six), for a table's filters. */
  async filterChoices(competitionId: string): Promise<FilterChoices> {
    const [villages, goals]: [
      { id: string; name: LocalizedText; district_id: string; district_name: LocalizedText; n: string }[],
      { id: string; code: string; title: LocalizedText; n: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT v.id, v.name, d.id AS district_id, d.name AS district_name, n
           FROM (SELECT village_id, count(*) AS n FROM applications
                  WHERE competition_id = $1 AND status NOT IN ('draft','withdrawn') GROUP BY village_id) a
           JOIN villages v ON v.id = a.village_id JOIN districts d ON d.id = v.district_id
          ORDER BY ${pickedTextSql('v.name')}, v.id`,
        [competitionId],
      ),
      this.dataSource.query(
        `SELECT g.id, g.code, g.title, n
           FROM (SELECT ag.goal_id, count(*) AS n FROM application_goals ag JOIN applications a ON a.id = ag.application_id
                  WHERE a.competition_id = $1 AND a.status NOT IN ('draft','withdrawn') GROUP BY ag.goal_id) c
           JOIN plan_goals g ON g.id = c.goal_id ORDER BY g.code, g.id`,
        [competitionId],
      ),
    ]);
    const districts = new Map<string, { id: string; name: LocalizedText; count: number }>();
    for (const v of villages) {
      const district = districts.get(v.district_id) ?? { id: v.district_id, name: v.district_name, count: 0 };
      district.count += Number(v.n);
      districts.set(v.district_id, district);
    }
    return {
      byVillage: villages.map((v) => ({ id: v.id, name: v.name, count: Number(v.n) })),
      byDistrict: [...districts.values()],
      byGoal: goals.map((g) => ({ id: g.id, code: g.code, title: g.title, count: Number(g.n) })),
    };
  }

  /** Counts by status (drafts included) of each competition, in one grouped read. */
  async statusCounts(competitionIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
    const counts = new Map<string, Record<string, number>>(competitionIds.map((id) => [id, {}]));
    if (competitionIds.length === 0) return counts;
    const rows: { competition_id: string; status: string; n: string }[] = await this.dataSource.query(
      `SELECT competition_id, status, count(*) AS n FROM applications
        WHERE competition_id = ANY($1::uuid[]) GROUP BY competition_id, status`,
      [competitionIds],
    );
    for (const row of rows) (counts.get(row.competition_id) as Record<string, number>)[row.status] = Number(row.n);
    return counts;
  }

  /** The identity, places, goal titles and latest snapshot of one application, for staff. */
  async dossier(applicationId: string): Promise<Dossier | null> {
    const [people, snapshots, goals] = await Promise.all([
      this.dataSource.query(
        `SELECT u.id, u.full_name AS name, u.email, u.phone, v.name AS village_name, d.name AS district_name
           FROM applications a JOIN users u ON u.id = a.applicant_id JOIN villages v ON v.id = a.village_id
           JOIN districts d ON d.id = v.district_id WHERE a.id = $1`,
        [applicationId],
      ) as Promise<
        {
          id: string;
          name: string;
          email: string;
          phone: string | null;
          village_name: LocalizedText;
          district_name: LocalizedText;
        }[]
      >,
      this.dataSource.query(
        `SELECT content, created_at FROM application_snapshots WHERE application_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [applicationId],
      ) as Promise<{ content: Record<string, unknown>; created_at: Date }[]>,
      this.dataSource.query(
        `SELECT g.id, g.code, g.title FROM application_goals ag JOIN plan_goals g ON g.id = ag.goal_id
          WHERE ag.application_id = $1 ORDER BY ag.position`,
        [applicationId],
      ) as Promise<{ id: string; code: string; title: LocalizedText }[]>,
    ]);
    const person = people[0];
    if (!person) return null;
    return {
      snapshot: snapshots[0] ? { content: snapshots[0].content, createdAt: snapshots[0].created_at } : null,
      applicant: { id: person.id, name: person.name, email: person.email, phone: person.phone },
      villageName: person.village_name,
      districtName: person.district_name,
      goals,
    };
  }

  async summary(competitionId: string): Promise<Summary> {
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, [competitionId]);
    const [statuses, villages, districts, goals, sectors, totals] = await Promise.all([
      q<{ status: string; n: string }>(
        `SELECT status, count(*) AS n FROM applications WHERE competition_id = $1 GROUP BY status`,
      ),
      q<{ id: string; name: LocalizedText; n: string }>(
        `SELECT v.id, v.name, count(*) AS n FROM applications a JOIN villages v ON v.id = a.village_id
          WHERE a.competition_id = $1 AND a.status NOT IN ('draft','withdrawn') GROUP BY v.id, v.name ORDER BY ${pickedTextSql('v.name')}, v.id`,
      ),
      q<{ id: string; name: LocalizedText; n: string }>(
        `SELECT d.id, d.name, count(*) AS n FROM applications a JOIN villages v ON v.id = a.village_id JOIN districts d ON d.id = v.district_id
          WHERE a.competition_id = $1 AND a.status NOT IN ('draft','withdrawn') GROUP BY d.id, d.name ORDER BY ${pickedTextSql('d.name')}, d.id`,
      ),
      q<{ id: string; code: string; title: LocalizedText; n: string }>(
        `SELECT g.id, g.code, g.title, count(*) AS n FROM application_goals ag JOIN applications a ON a.id = ag.application_id JOIN plan_goals g ON g.id = ag.goal_id
          WHERE a.competition_id = $1 AND a.status NOT IN ('draft','withdrawn') GROUP BY g.id, g.code, g.title ORDER BY g.code`,
      ),
      q<{ sector: string; n: string }>(
        `SELECT sector, count(*) AS n FROM applications WHERE competition_id = $1 AND status NOT IN ('draft','withdrawn') GROUP BY sector`,
      ),
      q<{ requested: string; budget: string }>(
        `SELECT COALESCE(sum(a.requested_amount) FILTER (WHERE a.status NOT IN ('draft','withdrawn','ineligible')), 0) AS requested, c.budget
           FROM competitions c LEFT JOIN applications a ON a.competition_id = c.id WHERE c.id = $1 GROUP BY c.budget`,
      ),
    ]);
    return {
      byStatus: Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)])),
      byVillage: villages.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) })),
      byDistrict: districts.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) })),
      byGoal: goals.map((r) => ({ id: r.id, code: r.code, title: r.title, count: Number(r.n) })),
      bySector: Object.fromEntries(sectors.map((r) => [r.sector, Number(r.n)])),
      requestedTotal: BigInt(totals[0]?.requested ?? '0'),
      budget: BigInt(totals[0]?.budget ?? '0'),
    };
  }
}

interface RawNames {
  village_name: LocalizedText;
  district_name: LocalizedText;
  applicant_name: string;
}

const toRow = (application: Application, raw: RawNames): ListRow => ({
  application,
  villageName: raw.village_name,
  districtName: raw.district_name,
  applicantName: raw.applicant_name,
});
