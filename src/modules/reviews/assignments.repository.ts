import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentRun } from './entities/assignment-run.entity';
import { Assignment, AssignmentStatus } from './entities/assignment.entity';

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

export interface NewAssignment {
  applicationId: string;
  jurorId: string;
  affinity: number;
  source: 'engine' | 'manager';
  runId: string | null;
}

/** Assignments and assignment runs: the only SQL about who reviews what. */
@Injectable()
export class AssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One writer of a round's assignments at a time (runs and manual changes); readers are not blocked. */
  async lockRoundAssignments(em: EntityManager, roundId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('assignments:' || $1, 0))`, [roundId]);
  }

  async applicationsInRound(em: EntityManager, roundId: string): Promise<RoundApplicationFacts[]> {
    return em.query(
      `SELECT a.id, a.reference, a.applicant_id AS "applicantId", a.village_id AS "villageId", v.district_id AS "districtId", a.sector,
              COALESCE((SELECT lower(string_agg(g.title || ' ' || g.description, ' | ')) FROM application_goals ag JOIN plan_goals g ON g.id = ag.goal_id
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

  async importedAffinities(
    em: EntityManager,
    roundId: string,
  ): Promise<{ applicationId: string; jurorId: string; score: number }[]> {
    return em.query(
      'SELECT application_id AS "applicationId", juror_id AS "jurorId", score FROM imported_affinities WHERE round_id = $1',
      [roundId],
    );
  }

  /** What an affinity file may name: the competition's submitted applications (by id or reference) and its panel (by id or email). */
  async applicationReferences(
    em: EntityManager,
    competitionId: string,
  ): Promise<{ id: string; reference: string | null }[]> {
    return em.query(
      `SELECT id, reference FROM applications WHERE competition_id = $1 AND status NOT IN ('draft', 'withdrawn')`,
      [competitionId],
    );
  }

  async panelEmails(em: EntityManager, competitionId: string): Promise<{ id: string; email: string }[]> {
    return em.query(
      'SELECT u.id, u.email FROM competition_jurors j JOIN users u ON u.id = j.user_id WHERE j.competition_id = $1',
      [competitionId],
    );
  }

  async replaceImportedAffinities(
    em: EntityManager,
    roundId: string,
    rows: { applicationId: string; jurorId: string; score: number }[],
  ): Promise<void> {
    await em.query('DELETE FROM imported_affinities WHERE round_id = $1', [roundId]);
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO imported_affinities (round_id, application_id, juror_id, score)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])`,
      [roundId, rows.map((r) => r.applicationId), rows.map((r) => r.jurorId), rows.map((r) => r.score)],
    );
  }

  async insertMany(em: EntityManager, roundId: string, rows: NewAssignment[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO assignments (round_id, application_id, juror_id, affinity, source, run_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::uuid[]) RETURNING id`,
      [
        roundId,
        rows.map((r) => r.applicationId),
        rows.map((r) => r.jurorId),
        rows.map((r) => r.affinity),
        rows.map((r) => r.source),
        rows.map((r) => r.runId),
      ],
    );
    return inserted.map((r) => r.id);
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

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<Assignment | null> {
    return em.findOne(Assignment, { where: { id } });
  }

  /** The assignment, locked: saves of its scoresheet and its ending happen one at a time. */
  async lock(em: EntityManager, id: string): Promise<Assignment | null> {
    return em
      .getRepository(Assignment)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async findActive(
    em: EntityManager,
    roundId: string,
    applicationId: string,
    jurorId: string,
  ): Promise<Assignment | null> {
    return em.findOne(Assignment, { where: { roundId, applicationId, jurorId, status: 'active' } });
  }

  /** Compare-and-set from `active`: false when it had already ended. */
  async end(
    em: EntityManager,
    id: string,
    status: Exclude<AssignmentStatus, 'active'>,
    actorId: string,
    reason: string,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE assignments SET status = $2, ended_at = now(), ended_by = $3, end_reason = $4 WHERE id = $1 AND status = 'active'`,
      [id, status, actorId, reason],
    );
    return count === 1;
  }

  /** Withdraws the assignment's scoresheet, if any; returns it as it was, for the audit log. */
  async withdrawScoresheet(
    em: EntityManager,
    assignmentId: string,
  ): Promise<{ id: string; status: string; scores: Record<string, number> } | null> {
    // RETURNING gives the old status and scores through the self-join, for the audit digest.
    // An UPDATE through em.query answers [rows, affected].
    const [rows]: [{ id: string; status: string; scores: Record<string, number> }[], number] = await em.query(
      `UPDATE scoresheets s SET status = 'withdrawn', withdrawn_at = now(), updated_at = now()
         FROM scoresheets old WHERE old.id = s.id AND s.assignment_id = $1 AND s.status <> 'withdrawn'
       RETURNING s.id, old.status, old.scores`,
      [assignmentId],
    );
    return rows[0] ?? null;
  }

  /** The juror's active assignments in the competition's open or draft rounds that a declaration now forbids. */
  async activeInConflict(
    em: EntityManager,
    competitionId: string,
    jurorId: string,
    target: { applicantId: string | null; applicationId: string | null; villageId: string | null },
  ): Promise<Assignment[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT s.id FROM assignments s JOIN review_rounds r ON r.id = s.round_id JOIN applications a ON a.id = s.application_id
        WHERE r.competition_id = $1 AND s.juror_id = $2 AND s.status = 'active' AND r.status IN ('draft', 'open')
          AND (a.applicant_id = $3 OR a.id = $4 OR a.village_id = $5)`,
      [competitionId, jurorId, target.applicantId, target.applicationId, target.villageId],
    );
    return rows.length
      ? em
          .getRepository(Assignment)
          .createQueryBuilder('s')
          .where('s.id IN (:...ids)', { ids: rows.map((r) => r.id) })
          .getMany()
      : [];
  }

  /** Rule 4 for one pair: the juror's own village, or a declared tie with the applicant, the application or its village. */
  async inConflict(em: EntityManager, competitionId: string, jurorId: string, applicationId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM applications a JOIN competition_jurors j ON j.competition_id = $1 AND j.user_id = $2
        WHERE a.id = $3 AND (j.home_village_id = a.village_id OR a.applicant_id = $2 OR EXISTS (
          SELECT 1 FROM conflict_declarations d WHERE d.competition_id = $1 AND d.juror_id = $2
             AND (d.applicant_id = a.applicant_id OR d.application_id = a.id OR d.village_id = a.village_id)))`,
      [competitionId, jurorId, applicationId],
    );
    return rows.length > 0;
  }

  async isAssignable(em: EntityManager, competitionId: string, jurorId: string): Promise<boolean> {
    return (
      (
        await em.query(
          `SELECT 1 FROM competition_jurors j JOIN users u ON u.id = j.user_id
        WHERE j.competition_id = $1 AND j.user_id = $2 AND j.conflicts_confirmed_at IS NOT NULL AND u.active AND 'juror' = ANY(u.roles)
          FOR SHARE OF j`,
          [competitionId, jurorId],
        )
      ).length > 0
    );
  }

  async hasRecused(em: EntityManager, roundId: string, applicationId: string, jurorId: string): Promise<boolean> {
    return (
      (
        await em.query(
          `SELECT 1 FROM assignments WHERE round_id = $1 AND application_id = $2 AND juror_id = $3 AND status = 'recused' LIMIT 1`,
          [roundId, applicationId, jurorId],
        )
      ).length > 0
    );
  }

  async inRound(em: EntityManager, roundId: string, applicationId: string): Promise<boolean> {
    return (
      (
        await em.query(
          `SELECT 1 FROM round_applications ra JOIN applications a ON a.id = ra.application_id WHERE ra.round_id = $1 AND ra.application_id = $2 AND a.status <> 'withdrawn'`,
          [roundId, applicationId],
        )
      ).length > 0
    );
  }

  // Runs

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

  async listRuns(roundId: string): Promise<AssignmentRun[]> {
    return this.dataSource.manager.find(AssignmentRun, { where: { roundId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** Runs Redis may have lost: queued for more than a minute. */
  async staleQueuedRuns(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM assignment_runs WHERE status = 'queued' AND created_at < now() - interval '1 minute' LIMIT 1000`,
    );
    return rows.map((r) => r.id);
  }

  /** The manager's view: every application of the round with its jurors, their progress and the alternates. */
  async overview(roundId: string, limit: number, offset: number): Promise<[OverviewRow[], number]> {
    const rows: (OverviewRow & { total: number })[] = await this.dataSource.query(
      `SELECT a.id AS "applicationId", a.reference, a.title, a.status AS "applicationStatus", ra.alternates, count(*) OVER ()::int AS total,
              COALESCE((SELECT json_agg(json_build_object('id', s.id, 'jurorId', s.juror_id, 'jurorName', u.full_name, 'status', s.status, 'source', s.source,
                                                          'affinity', s.affinity, 'scoresheet', sh.status, 'endReason', s.end_reason) ORDER BY s.created_at, s.id)
                          FROM assignments s JOIN users u ON u.id = s.juror_id LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
                         WHERE s.round_id = ra.round_id AND s.application_id = ra.application_id), '[]') AS assignments
         FROM round_applications ra JOIN applications a ON a.id = ra.application_id
        WHERE ra.round_id = $1 ORDER BY a.reference_number, a.id LIMIT $2 OFFSET $3`,
      [roundId, limit, offset],
    );
    return [rows.map(({ total: _total, ...row }) => row), rows[0]?.total ?? 0];
  }
}

export interface OverviewRow {
  applicationId: string;
  reference: string;
  title: string;
  applicationStatus: string;
  alternates: string[];
  assignments: {
    id: string;
    jurorId: string;
    jurorName: string;
    status: AssignmentStatus;
    source: string;
    affinity: number;
    scoresheet: string | null;
    endReason: string | null;
  }[];
}
