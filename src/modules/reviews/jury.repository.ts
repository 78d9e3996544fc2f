import { LocalizedText } from '../../common/i18n/localized-text';
import { pickedTextSql } from '../../common/i18n/localized-text.sql';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';
import { CompetitionJuror } from './entities/competition-juror.entity';

export interface JurorRow extends CompetitionJuror {
  fullName: string;
  email: string;
  declarations: number;
  activeAssignments: number;
}

export interface ApplicantEntry {
  applicantId: string;
  fullName: string;
  villages: { id: string; name: LocalizedText }[];
}

export interface NamedDeclaration {
  id: string;
  kind: string;
  note: string;
  createdAt: Date;
  target: 'applicant' | 'application' | 'village';
  applicantName: string | null;
  applicationTitle: string | null;
  villageName: LocalizedText | null;
}

/** The panel of a competition and its members' conflict declarations. */
@Injectable()
export class JuryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async jurorAccount(em: EntityManager, userId: string): Promise<{ homeVillageId: string | null } | null> {
    const rows: { homeVillageId: string | null }[] = await em.query(
      `SELECT home_village_id AS "homeVillageId" FROM users WHERE id = $1 AND active AND 'juror' = ANY(roles)`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async hasApplied(em: EntityManager, competitionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM applications WHERE competition_id = $1 AND applicant_id = $2 AND status <> 'draft' LIMIT 1`,
      [competitionId, userId],
    );
    return rows.length > 0;
  }

  async insert(
    em: EntityManager,
    values: Pick<CompetitionJuror, 'competitionId' | 'userId' | 'expertise' | 'homeVillageId' | 'addedBy'>,
  ): Promise<void> {
    await em.query(
      `INSERT INTO competition_jurors (competition_id, user_id, expertise, home_village_id, added_by) VALUES ($1, $2, $3, $4, $5)`,
      [values.competitionId, values.userId, values.expertise, values.homeVillageId, values.addedBy],
    );
  }

  async find(
    competitionId: string,
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<CompetitionJuror | null> {
    return em.findOne(CompetitionJuror, { where: { competitionId, userId } });
  }

  /** Locks the membership row: confirmation and declarations of one juror happen one at a time. */
  async lock(em: EntityManager, competitionId: string, userId: string): Promise<CompetitionJuror | null> {
    return em
      .getRepository(CompetitionJuror)
      .createQueryBuilder('j')
      .where('j.competition_id = :competitionId AND j.user_id = :userId', { competitionId, userId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async remove(em: EntityManager, competitionId: string, userId: string): Promise<void> {
    await em.query('DELETE FROM competition_jurors WHERE competition_id = $1 AND user_id = $2', [
      competitionId,
      userId,
    ]);
  }

  async hasAssignments(em: EntityManager, competitionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM assignments a JOIN review_rounds r ON r.id = a.round_id WHERE r.competition_id = $1 AND a.juror_id = $2 LIMIT 1`,
      [competitionId, userId],
    );
    return rows.length > 0;
  }

  /** The panel, or with `userId` one member of it. */
  /** The panel, or one member of it; `page` takes one page of the panel (null limit: all of it). */
  async list(
    competitionId: string,
    userId?: string,
    page: { limit: number | null; offset: number } = { limit: null, offset: 0 },
  ): Promise<JurorRow[]> {
    const rows: JurorRow[] = await this.dataSource.query(
      `SELECT j.competition_id AS "competitionId", j.user_id AS "userId", j.expertise, j.home_village_id AS "homeVillageId",
              j.conflicts_confirmed_at AS "conflictsConfirmedAt", j.added_by AS "addedBy", j.created_at AS "createdAt",
              u.full_name AS "fullName", u.email,
              (SELECT count(*)::int FROM conflict_declarations d WHERE d.competition_id = j.competition_id AND d.juror_id = j.user_id) AS declarations,
              (SELECT count(*)::int FROM assignments a JOIN review_rounds r ON r.id = a.round_id
                WHERE r.competition_id = j.competition_id AND a.juror_id = j.user_id AND a.status = 'active') AS "activeAssignments"
         FROM competition_jurors j JOIN users u ON u.id = j.user_id
        WHERE j.competition_id = $1 AND ($2::uuid IS NULL OR j.user_id = $2) ORDER BY u.full_name, j.user_id
        LIMIT $3 OFFSET $4`,
      [competitionId, userId ?? null, page.limit, page.offset],
    );
    return rows;
  }

  async countJurors(competitionId: string): Promise<number> {
    return this.dataSource.manager.count(CompetitionJuror, { where: { competitionId } });
  }

  async panelsOf(
    userId: string,
    limit: number,
    offset: number,
  ): Promise<
    [{ competitionId: string; competitionTitle: LocalizedText; conflictsConfirmedAt: Date | null }[], number]
  > {
    const rows: { competitionId: string; competitionTitle: LocalizedText; conflictsConfirmedAt: Date | null }[] =
      await this.dataSource.query(
        `SELECT j.competition_id AS "competitionId", c.title AS "competitionTitle", j.conflicts_confirmed_at AS "conflictsConfirmedAt"
           FROM competition_jurors j JOIN competitions c ON c.id = j.competition_id WHERE j.user_id = $1
          ORDER BY c.created_at DESC, c.id LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      );
    return [rows, await this.dataSource.manager.count(CompetitionJuror, { where: { userId } })];
  }

  /**
   * Who applied and for which villages, for declaring conflicts: names and villages only, sorted by
   * name, with no application ids, titles or numbers that the blind workspace could be matched with.
   */
  async applicants(competitionId: string, limit: number, offset: number): Promise<[ApplicantEntry[], number]> {
    const rows: ApplicantEntry[] = await this.dataSource.query(
      `SELECT a.applicant_id AS "applicantId", u.full_name AS "fullName",
              json_agg(DISTINCT jsonb_build_object('id', v.id, 'name', v.name)) AS villages
         FROM applications a JOIN users u ON u.id = a.applicant_id JOIN villages v ON v.id = a.village_id
        WHERE a.competition_id = $1 AND a.status NOT IN ('draft', 'withdrawn')
        GROUP BY a.applicant_id, u.full_name ORDER BY u.full_name, a.applicant_id
        LIMIT $2 OFFSET $3`,
      [competitionId, limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT applicant_id)::int AS total
         FROM applications WHERE competition_id = $1 AND status NOT IN ('draft', 'withdrawn')`,
      [competitionId],
    );
    return [rows, total];
  }

  async declarations(
    competitionId: string,
    jurorId?: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ConflictDeclaration[]> {
    return em.find(ConflictDeclaration, {
      where: { competitionId, ...(jurorId ? { jurorId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every declaration of the competition for oversight, with the target named. */
  async allDeclarations(
    competitionId: string,
    limit: number,
    offset: number,
  ): Promise<
    [
      {
        id: string;
        jurorId: string;
        target: string;
        targetName: string;
        kind: string;
        note: string;
        createdAt: Date;
      }[],
      number,
    ]
  > {
    const rows = await this.dataSource.query(
      `SELECT d.id, d.juror_id AS "jurorId", d.kind, d.note, d.created_at AS "createdAt",
              CASE WHEN d.applicant_id IS NOT NULL THEN 'applicant' WHEN d.application_id IS NOT NULL THEN 'application' ELSE 'village' END AS target,
              COALESCE(u.full_name, a.reference, ${pickedTextSql('v.name')}) AS "targetName"
         FROM conflict_declarations d
         LEFT JOIN users u ON u.id = d.applicant_id LEFT JOIN applications a ON a.id = d.application_id LEFT JOIN villages v ON v.id = d.village_id
        WHERE d.competition_id = $1 ORDER BY d.created_at, d.id LIMIT $2 OFFSET $3`,
      [competitionId, limit, offset],
    );
    return [rows, await this.dataSource.manager.count(ConflictDeclaration, { where: { competitionId } })];
  }

  /** One juror's declarations in a competition, a page at a time. */
  async declarationsPage(
    competitionId: string,
    jurorId: string,
    limit: number,
    offset: number,
  ): Promise<[ConflictDeclaration[], number]> {
    return this.dataSource.manager.findAndCount(ConflictDeclaration, {
      where: { competitionId, jurorId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /**
   * One juror's declarations with what each names, for their own page: the applicant's name, the
   * village's name, or the title of the application (which the juror saw as an assignment).
   */
  async myDeclarationsNamed(competitionId: string, jurorId: string): Promise<NamedDeclaration[]> {
    return this.dataSource.query(
      `SELECT d.id, d.kind, d.note, d.created_at AS "createdAt",
              CASE WHEN d.applicant_id IS NOT NULL THEN 'applicant' WHEN d.application_id IS NOT NULL THEN 'application' ELSE 'village' END AS target,
              u.full_name AS "applicantName", sn.content->>'title' AS "applicationTitle", v.name AS "villageName"
         FROM conflict_declarations d
         LEFT JOIN users u ON u.id = d.applicant_id
         LEFT JOIN application_snapshots sn ON sn.application_id = d.application_id
         LEFT JOIN villages v ON v.id = d.village_id
        WHERE d.competition_id = $1 AND d.juror_id = $2 ORDER BY d.created_at, d.id`,
      [competitionId, jurorId],
    );
  }

  async insertDeclaration(
    em: EntityManager,
    values: Pick<
      ConflictDeclaration,
      'competitionId' | 'jurorId' | 'applicantId' | 'applicationId' | 'villageId' | 'kind' | 'note'
    >,
  ): Promise<ConflictDeclaration> {
    const { identifiers } = await em.insert(ConflictDeclaration, values);
    return (await em.findOne(ConflictDeclaration, { where: { id: identifiers[0].id as string } }))!;
  }

  async deleteDeclaration(
    em: EntityManager,
    competitionId: string,
    jurorId: string,
    id: string,
  ): Promise<ConflictDeclaration | null> {
    // A DELETE through em.query answers [rows, affected].
    const [rows]: [ConflictDeclaration[], number] = await em.query(
      'DELETE FROM conflict_declarations WHERE id = $1 AND competition_id = $2 AND juror_id = $3 RETURNING id, kind',
      [id, competitionId, jurorId],
    );
    return rows[0] ?? null;
  }

  /** Whether the target belongs to the competition: an applicant or application in it, or an eligible village. */
  async targetInCompetition(
    em: EntityManager,
    competitionId: string,
    target: { applicantId?: string; applicationId?: string; villageId?: string },
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 WHERE
         ($2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM applications WHERE competition_id = $1 AND applicant_id = $2 AND status <> 'draft'))
      OR ($3::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM applications WHERE competition_id = $1 AND id = $3 AND status <> 'draft'))
      OR ($4::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM competition_villages WHERE competition_id = $1 AND village_id = $4))`,
      [competitionId, target.applicantId ?? null, target.applicationId ?? null, target.villageId ?? null],
    );
    return rows.length > 0;
  }

  async confirm(em: EntityManager, competitionId: string, userId: string): Promise<void> {
    await em.query(
      'UPDATE competition_jurors SET conflicts_confirmed_at = now() WHERE competition_id = $1 AND user_id = $2 AND conflicts_confirmed_at IS NULL',
      [competitionId, userId],
    );
  }
}
