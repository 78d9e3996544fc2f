import { allTextsSql } from '../../common/i18n/localized-text.sql';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentRun } from './entities/assignment-run.entity';
import { AssignmentStatus } from './entities/assignment.entity';

export interface RoundApplicationFacts {
  id: string;
  reference: string;
  applicantId: string;
  villageId: string;
  districtId: string;
  sector: string;
  goalText: string;
}

export interface PanelJuror {
  id: string;
  expertise: string[];
  homeVillageId: string | null;
  districtId: string | null;
}

/** Assignment runs: what the engine reads about a round (applications, panel, conflicts, pairs so far) and the run rows. */
@Injectable()
export class AssignmentRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async applicationsInRound(em: EntityManager, roundId: string): Promise<RoundApplicationFacts[]> {
    return em.query(
      `SELECT a.id, a.reference, a.applicant_id AS "applicantId", a.village_id AS "villageId", v.district_id AS "districtId", a.sector,
              COALESCE((SELECT lower(string_agg(concat_ws(' ', ${allTextsSql('g.title')}, ${allTextsSql('g.description')}), ' | ')) FROM application_goals ag JOIN plan_goals g ON g.id = ag.goal_id
                         WHERE ag.application_id = a.id), '') AS "goalText"
         FROM round_applications ra JOIN applications a ON a.id = ra.application_id JOIN villages v ON v.id = a.village_id
        WHERE ra.round_id = $1 AND a.status <> 'withdrawn'
        ORDER BY a.id`,
      [roundId],
    );
  }

  /** Jurors who may be assigned: on the panel, declaration confirmed, account active with the juror role. */
  async assignableJurors(em: EntityManager, competitionId: string): Promise<PanelJuror[]> {
    return em.query(
      `SELECT j.user_id AS id, j.expertise, j.home_village_id AS "homeVillageId", v.district_id AS "districtId"
         FROM competition_jurors j JOIN users u ON u.id = j.user_id LEFT JOIN villages v ON v.id = j.home_village_id
        WHERE j.competition_id = $1 AND j.conflicts_confirmed_at IS NOT NULL AND u.active AND 'juror' = ANY(u.roles)
        ORDER BY j.user_id`,
      [competitionId],
    );
  }

  /** Panel members who cannot be assigned yet: declaration not confirmed, or the account no longer an active juror. */
  async unassignableJurors(
    em: EntityManager,
    competitionId: string,
  ): Promise<{ id: string; fullName: string; reason: string }[]> {
    return em.query(
      `SELECT j.user_id AS id, u.full_name AS "fullName",
              CASE WHEN j.conflicts_confirmed_at IS NULL THEN 'declaration not confirmed' ELSE 'account not an active juror' END AS reason
         FROM competition_jurors j JOIN users u ON u.id = j.user_id
        WHERE j.competition_id = $1 AND NOT (j.conflicts_confirmed_at IS NOT NULL AND u.active AND 'juror' = ANY(u.roles))
        ORDER BY u.full_name, j.user_id`,
      [competitionId],
    );
  }

  async declarations(
    em: EntityManager,
    competitionId: string,
  ): Promise<
    { jurorId: string; applicantId: string | null; applicationId: string | null; villageId: string | null }[]
  > {
    return em.query(
      `SELECT juror_id AS "jurorId", applicant_id AS "applicantId", application_id AS "applicationId", village_id AS "villageId"
         FROM conflict_declarations WHERE competition_id = $1`,
      [competitionId],
    );
  }

  /** Every pair of the round so far: active ones count against demand and loads; ended ones are never proposed again. */
  async pairs(
    em: EntityManager,
    roundId: string,
  ): Promise<{ applicationId: string; jurorId: string; status: AssignmentStatus }[]> {
    return em.query(
      'SELECT application_id AS "applicationId", juror_id AS "jurorId", status FROM assignments WHERE round_id = $1',
      [roundId],
    );
  }

  async setAlternates(
    em: EntityManager,
    roundId: string,
    rows: { applicationId: string; alternates: string[] }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `UPDATE round_applications ra SET alternates = ARRAY(SELECT jsonb_array_elements_text(x.alternates::jsonb))::uuid[]
         FROM unnest($2::uuid[], $3::text[]) AS x(application_id, alternates)
        WHERE ra.round_id = $1 AND ra.application_id = x.application_id`,
      [roundId, rows.map((r) => r.applicationId), rows.map((r) => JSON.stringify(r.alternates))],
    );
  }

  async pendingRun(em: EntityManager, roundId: string): Promise<AssignmentRun | null> {
    return em.findOne(AssignmentRun, { where: { roundId, status: 'queued' }, order: { createdAt: 'ASC' } });
  }

  async insertRun(
    em: EntityManager,
    roundId: string,
    trigger: string,
    requestedBy: string | null,
  ): Promise<AssignmentRun> {
    const { identifiers } = await em.insert(AssignmentRun, { roundId, trigger, requestedBy });
    return (await em.findOne(AssignmentRun, { where: { id: identifiers[0].id as string } }))!;
  }

  async lockRun(em: EntityManager, id: string): Promise<AssignmentRun | null> {
    return em
      .getRepository(AssignmentRun)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async finishRun(
    em: EntityManager,
    id: string,
    values: Pick<AssignmentRun, 'status' | 'seed' | 'inputHash' | 'objective' | 'durationMs' | 'assigned' | 'details'>,
  ): Promise<void> {
    await em.query(
      `UPDATE assignment_runs SET status = $2, seed = $3, input_hash = $4, objective = $5, duration_ms = $6, assigned = $7, details = $8, finished_at = now() WHERE id = $1`,
      [
        id,
        values.status,
        values.seed,
        values.inputHash,
        values.objective,
        values.durationMs,
        values.assigned,
        JSON.stringify(values.details),
      ],
    );
  }

  async findRun(id: string): Promise<AssignmentRun | null> {
    return this.dataSource.manager.findOne(AssignmentRun, { where: { id } });
  }

  async listRuns(roundId: string, limit: number, offset: number): Promise<[AssignmentRun[], number]> {
    const order = { createdAt: 'DESC', id: 'ASC' } as const;
    return this.dataSource.manager.findAndCount(AssignmentRun, {
      where: { roundId },
      order,
      take: limit,
      skip: offset,
    });
  }

  /** Runs Redis may have lost: queued for more than a minute. */
  async staleQueuedRuns(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM assignment_runs WHERE status = 'queued' AND created_at < now() - interval '1 minute' LIMIT 1000`,
    );
    return rows.map((r) => r.id);
  }
}
