import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LocalizedText } from '../../common/i18n/localized-text';
import { CompetitionStatus } from './domain/competition-status';
import { EnvelopeRule } from './domain/competition-rules';
import { CompetitionDistrict, CompetitionVillage } from './entities/competition-eligibility.entity';
import { CompetitionEnvelope } from './entities/competition-envelope.entity';
import { Competition } from './entities/competition.entity';

export interface CompetitionFilter {
  statuses: readonly CompetitionStatus[];
  /** Only competitions in which this village is eligible (for a competition past drafting, the frozen list). */
  villageId?: string;
  limit: number;
  offset: number;
}

const RELATIONS = { eligibleVillages: true, eligibleDistricts: true, envelopes: true } as const;
/**
 * One query per relation: joined in one statement, villages x districts x envelopes multiply (200
 * villages, 20 districts and 20 envelopes read 80,000 rows, seconds of CPU; found by the load bench).
 */
const LOAD = { relations: RELATIONS, relationLoadStrategy: 'query' } as const;

@Injectable()
export class CompetitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, values: Partial<Competition>): Promise<Competition> {
    return em.save(Competition, em.create(Competition, values));
  }

  async update(em: EntityManager, id: string, changes: Partial<Competition>): Promise<void> {
    if (Object.keys(changes).length > 0) await em.update(Competition, { id }, changes);
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<Competition | null> {
    return em.findOne(Competition, { where: { id }, ...LOAD });
  }

  /** Several competitions with their relations, in one query per relation (order not kept). */
  async findByIds(ids: readonly string[]): Promise<Competition[]> {
    if (ids.length === 0) return [];
    return this.dataSource.manager.find(Competition, { where: ids.map((id) => ({ id })), ...LOAD });
  }

  async codeTaken(em: EntityManager, code: string): Promise<boolean> {
    return em.exists(Competition, { where: { code } });
  }

  async lock(em: EntityManager, id: string): Promise<Competition | null> {
    const locked = await em
      .getRepository(Competition)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return locked ? this.findById(id, em) : null;
  }

  async replaceEligibility(
    em: EntityManager,
    id: string,
    villageIds?: string[],
    districtIds?: string[],
  ): Promise<void> {
    if (villageIds) {
      await em.delete(CompetitionVillage, { competitionId: id });
      if (villageIds.length)
        await em.insert(
          CompetitionVillage,
          villageIds.map((villageId) => ({ competitionId: id, villageId })),
        );
    }
    if (districtIds) {
      await em.delete(CompetitionDistrict, { competitionId: id });
      if (districtIds.length)
        await em.insert(
          CompetitionDistrict,
          districtIds.map((districtId) => ({ competitionId: id, districtId })),
        );
    }
  }

  async replaceEnvelopes(em: EntityManager, id: string, envelopes: EnvelopeRule[]): Promise<void> {
    await em.delete(CompetitionEnvelope, { competitionId: id });
    if (envelopes.length === 0) return;
    await em.insert(
      CompetitionEnvelope,
      envelopes.map((e) => ({
        competitionId: id,
        districtId: e.districtId ?? null,
        villageId: e.villageId ?? null,
        amount: e.amount,
      })),
    );
  }

  /** Every village the eligibility covers: those named, and those of the districts named. */
  async resolveEligibleVillages(em: EntityManager, villageIds: string[], districtIds: string[]): Promise<string[]> {
    if (villageIds.length === 0 && districtIds.length === 0) return [];
    const rows: { id: string }[] = await em.query(
      'SELECT id FROM villages WHERE id = ANY($1::uuid[]) OR district_id = ANY($2::uuid[])',
      [villageIds, districtIds],
    );
    return rows.map((r) => r.id);
  }

  /** Records every covered village by name, so villages added to a district later stay out. */
  async freezeEligibleVillages(em: EntityManager, id: string, villageIds: string[]): Promise<void> {
    if (villageIds.length === 0) return;
    await em.query(
      `INSERT INTO competition_villages (competition_id, village_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, villageIds],
    );
  }

  /** Active applicants with a confirmed address whose home village is one of these, with its name. */
  async applicantsInVillages(
    em: EntityManager,
    villageIds: string[],
  ): Promise<{ id: string; villageName: LocalizedText }[]> {
    if (villageIds.length === 0) return [];
    return em.query(
      `SELECT u.id, v.name AS "villageName" FROM users u JOIN villages v ON v.id = u.home_village_id
        WHERE u.active AND u.email_confirmed_at IS NOT NULL AND 'applicant' = ANY(u.roles) AND u.home_village_id = ANY($1::uuid[])`,
      [villageIds],
    );
  }

  async countWithAdoptedPlan(em: EntityManager, villageIds: string[]): Promise<number> {
    const [row]: { count: string }[] = await em.query(
      `SELECT count(DISTINCT village_id) AS count FROM development_plans WHERE status = 'adopted' AND village_id = ANY($1::uuid[])`,
      [villageIds],
    );
    return Number(row.count);
  }

  async serverNow(em: EntityManager): Promise<Date> {
    const [row]: { now: Date }[] = await em.query('SELECT now() AS now');
    return row.now;
  }

  async statusOf(em: EntityManager, id: string): Promise<CompetitionStatus | null> {
    const rows: { status: CompetitionStatus }[] = await em.query('SELECT status FROM competitions WHERE id = $1', [id]);
    return rows[0]?.status ?? null;
  }

  /** Compare-and-set on status; false when the competition was no longer in `from`. */
  async transition(em: EntityManager, id: string, from: CompetitionStatus, to: CompetitionStatus): Promise<boolean> {
    const stamp = to === 'open' ? ', opened_at = now()' : to === 'closed' ? ', closed_at = now()' : '';
    const [, count]: [unknown, number] = await em.query(
      `UPDATE competitions SET status = $2, updated_at = now()${stamp} WHERE id = $1 AND status = $3`,
      [id, to, from],
    );
    return count === 1;
  }

  /** Closes every open competition whose deadline has passed by the database clock; returns their ids. */
  async closeDue(em: EntityManager): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await em.query(
      `UPDATE competitions SET status = 'closed', closed_at = now(), updated_at = now()
        WHERE status = 'open' AND closes_at <= now() RETURNING id`,
    );
    return rows.map((r) => r.id);
  }

  async list(filter: CompetitionFilter): Promise<[Competition[], number]> {
    const [ids, total] = await this.dataSource
      .getRepository(Competition)
      .createQueryBuilder('c')
      .select(['c.id'])
      .where('c.status = ANY(:statuses)', { statuses: filter.statuses })
      .andWhere(
        filter.villageId
          ? 'EXISTS (SELECT 1 FROM competition_villages cv WHERE cv.competition_id = c.id AND cv.village_id = :villageId)'
          : 'true',
        { villageId: filter.villageId },
      )
      .orderBy('c.closesAt', 'DESC')
      .addOrderBy('c.id')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    if (ids.length === 0) return [[], total];
    const rows = await this.findByIds(ids.map((c) => c.id));
    const byId = new Map(rows.map((c) => [c.id, c]));
    return [ids.map((c) => byId.get(c.id)).filter((c): c is Competition => c !== undefined), total];
  }
}
