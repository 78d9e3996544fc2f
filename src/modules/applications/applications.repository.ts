import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FundingSource } from './domain/application-status';
import { ApplicationGoal } from './entities/application-goal.entity';
import { Application } from './entities/application.entity';
import { BudgetLine } from './entities/budget-line.entity';

export interface IntakeCompetition {
  id: string;
  status: string;
  code: string;
  title: string;
  year: number;
  minAward: bigint;
  maxAward: bigint;
  minOwnShareBp: number;
  maxApplicationsPerApplicant: number;
  notYetOpen: boolean;
  closed: boolean;
}

export interface ApplicantFacts {
  isApplicant: boolean;
  homeVillageId: string | null;
  emailConfirmed: boolean;
  fullName: string;
}

const FULL = { goals: true, budgetLines: true } as const;
const ORDER = { goals: { position: 'ASC' }, budgetLines: { position: 'ASC' } } as const;

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises one applicant's intake (limit per competition) without blocking readers. */
  async lockApplicant(em: EntityManager, userId: string): Promise<ApplicantFacts | null> {
    const rows: ApplicantFacts[] = await em.query(
      `SELECT 'applicant' = ANY(roles) AS "isApplicant", home_village_id AS "homeVillageId",
              email_confirmed_at IS NOT NULL AS "emailConfirmed", full_name AS "fullName"
         FROM users WHERE id = $1 AND active FOR NO KEY UPDATE`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The competition's intake rules, with the server clock's verdict on its dates. */
  async competition(em: EntityManager, id: string, timeZone = 'Asia/Almaty'): Promise<IntakeCompetition | null> {
    const rows: (Omit<IntakeCompetition, 'minAward' | 'maxAward'> & { minAward: string; maxAward: string })[] =
      await em.query(
        `SELECT id, status, code, title, EXTRACT(YEAR FROM opens_at AT TIME ZONE $2)::int AS year, min_award AS "minAward", max_award AS "maxAward",
              min_own_share_bp AS "minOwnShareBp", max_applications_per_applicant AS "maxApplicationsPerApplicant",
              now() < opens_at AS "notYetOpen", now() >= closes_at AS closed
         FROM competitions WHERE id = $1`,
        [id, timeZone],
      );
    const row = rows[0];
    return row ? { ...row, minAward: BigInt(row.minAward), maxAward: BigInt(row.maxAward) } : null;
  }

  async isVillageEligible(em: EntityManager, competitionId: string, villageId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      'SELECT 1 FROM competition_villages WHERE competition_id = $1 AND village_id = $2',
      [competitionId, villageId],
    );
    return rows.length > 0;
  }

  async villageName(em: EntityManager, villageId: string): Promise<LocalizedText | null> {
    const rows: { name: LocalizedText }[] = await em.query('SELECT name FROM villages WHERE id = $1', [villageId]);
    return rows[0]?.name ?? null;
  }

  /** Applications of the applicant in the competition that count against its limit. */
  async countActive(em: EntityManager, competitionId: string, applicantId: string, exceptId?: string): Promise<number> {
    const [row]: { n: string }[] = await em.query(
      `SELECT count(*) AS n FROM applications
        WHERE competition_id = $1 AND applicant_id = $2 AND status <> 'withdrawn' AND ($3::uuid IS NULL OR id <> $3)`,
      [competitionId, applicantId, exceptId ?? null],
    );
    return Number(row.n);
  }

  async adoptedGoalIds(em: EntityManager, villageId: string): Promise<Set<string>> {
    const rows: { id: string }[] = await em.query(
      `SELECT g.id FROM plan_goals g JOIN development_plans p ON p.id = g.plan_id WHERE p.village_id = $1 AND p.status = 'adopted'`,
      [villageId],
    );
    return new Set(rows.map((r) => r.id));
  }

  async insert(em: EntityManager, values: Partial<Application>): Promise<Application> {
    return em.save(Application, em.create(Application, values));
  }

  async update(em: EntityManager, id: string, changes: Partial<Application>): Promise<void> {
    if (Object.keys(changes).length > 0) await em.update(Application, { id }, changes);
  }

  async replaceGoals(em: EntityManager, id: string, goals: { goalId: string; contribution: string }[]): Promise<void> {
    await em.delete(ApplicationGoal, { applicationId: id });
    if (goals.length)
      await em.insert(
        ApplicationGoal,
        goals.map((g, position) => ({ applicationId: id, goalId: g.goalId, contribution: g.contribution, position })),
      );
  }

  async replaceBudget(
    em: EntityManager,
    id: string,
    lines: { category: string; description: string; amount: bigint; source: FundingSource }[],
  ): Promise<void> {
    await em.delete(BudgetLine, { applicationId: id });
    if (lines.length)
      await em.insert(
        BudgetLine,
        lines.map((l, position) => ({ ...l, applicationId: id, position })),
      );
  }

  async findFull(id: string, em: EntityManager = this.dataSource.manager): Promise<Application | null> {
    return em.findOne(Application, { where: { id }, relations: FULL, order: ORDER });
  }

  async lock(em: EntityManager, id: string): Promise<Application | null> {
    return (await this.lockRow(em, id)) ? this.findFull(id, em) : null;
  }

  /** The application row alone (no goals or budget), locked. */
  async lockRow(em: EntityManager, id: string): Promise<Application | null> {
    return em
      .getRepository(Application)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The application row alone (no goals or budget). */
  async findRow(id: string): Promise<Application | null> {
    return this.dataSource.manager.findOne(Application, { where: { id } });
  }

  async remove(em: EntityManager, id: string): Promise<void> {
    await em.delete(Application, { id });
  }

  /** The next reference number of the competition, given back if the transaction rolls back. */
  async nextReferenceNumber(em: EntityManager, competitionId: string): Promise<number> {
    const [row]: { lastNumber: number }[] = await em.query(
      `INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, 1)
       ON CONFLICT (competition_id) DO UPDATE SET last_number = application_reference_counters.last_number + 1
       RETURNING last_number AS "lastNumber"`,
      [competitionId],
    );
    return row.lastNumber;
  }

  /** Version 1 at submission; each resubmission after a return for changes adds the next. */
  async insertSnapshot(
    em: EntityManager,
    applicationId: string,
    content: Record<string, unknown>,
    version = 1,
  ): Promise<void> {
    await em.query('INSERT INTO application_snapshot_versions (application_id, version, content) VALUES ($1, $2, $3)', [
      applicationId,
      version,
      JSON.stringify(content),
    ]);
  }

  /**
   * Drafts of open competitions closing between `afterHours` and `withinHours` from now (server
   * clock), of active applicants. Already-reminded drafts are filtered by the outbox's dedupe key.
   */
  async draftsClosingWithin(
    em: EntityManager,
    withinHours: number,
    afterHours: number,
  ): Promise<{ id: string; applicantId: string; title: string; competitionTitle: LocalizedText; closesAt: Date }[]> {
    return em.query(
      `SELECT a.id, a.applicant_id AS "applicantId", a.title, c.title AS "competitionTitle", c.closes_at AS "closesAt"
         FROM applications a JOIN competitions c ON c.id = a.competition_id JOIN users u ON u.id = a.applicant_id
        WHERE a.status = 'draft' AND c.status = 'open' AND u.active
          AND c.closes_at > now() + make_interval(hours => $2) AND c.closes_at <= now() + make_interval(hours => $1)`,
      [withinHours, afterHours],
    );
  }

  async listByApplicant(applicantId: string, limit: number, offset: number): Promise<[Application[], number]> {
    return this.dataSource.manager.findAndCount(Application, {
      where: { applicantId },
      relations: FULL,
      order: { createdAt: 'DESC', id: 'ASC', ...ORDER },
      take: limit,
      skip: offset,
    });
  }
}
