import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Assignment, AssignmentStatus } from './entities/assignment.entity';

export interface NewAssignment {
  applicationId: string;
  jurorId: string;
  affinity: number;
  source: 'engine' | 'manager';
  runId: string | null;
}

/** Who reviews what: the assignments of a round, their writers' lock, and the rules a manual change checks. */
@Injectable()
export class AssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One writer of a round's assignments at a time (runs and manual changes); readers are not blocked. */
  async lockRoundAssignments(em: EntityManager, roundId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('assignments:' || $1, 0))`, [roundId]);
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
}
