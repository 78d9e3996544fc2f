import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RoundStatus } from './domain/rounds/round-status';
import { Scoresheet, ScoresheetStatus } from './entities/scoresheet.entity';

export interface JurorAssignmentRow {
  id: string;
  title: string;
  sector: string;
  villageName: LocalizedText;
  scoresheet: ScoresheetStatus | null;
  updatedAt: Date | null;
}

/** One of a juror's assignments in a round as the workspace lists it, including those they recused from. */
export interface JurorAssignmentItem extends JurorAssignmentRow {
  assignmentStatus: 'active' | 'recused';
}

/** A round a juror has (or had) assignments in, with their progress, for their overview page. */
export interface JurorRoundOverview {
  roundId: string;
  competitionId: string;
  name: string;
  status: RoundStatus;
  deadline: Date;
  assigned: number;
  drafts: number;
  submitted: number;
  recused: number;
}

export interface AssignmentContent {
  content: Record<string, unknown>;
  applicantName: string;
}

/** What a juror reads and writes: their own assignments, the frozen snapshots, their scoresheets. */
@Injectable()
export class WorkspaceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async myAssignments(jurorId: string, roundId: string): Promise<JurorAssignmentRow[]> {
    return this.dataSource.query(
      `SELECT s.id, sn.content->>'title' AS title, sn.content->>'sector' AS sector, sn.content->'villageName' AS "villageName",
              sh.status AS scoresheet, sh.updated_at AS "updatedAt"
         FROM assignments s JOIN application_snapshots sn ON sn.application_id = s.application_id
         LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE s.juror_id = $1 AND s.round_id = $2 AND s.status = 'active'
        ORDER BY s.id`,
      [jurorId, roundId],
    );
  }

  /**
   * A juror's assignments in a round, the active ones and those they recused from (a manager's
   * removal is the manager's business and is left out), with each scoresheet's status.
   */
  async myAssignmentItems(jurorId: string, roundId: string): Promise<JurorAssignmentItem[]> {
    return this.dataSource.query(
      `SELECT s.id, s.status AS "assignmentStatus", sn.content->>'title' AS title, sn.content->>'sector' AS sector,
              sn.content->'villageName' AS "villageName", sh.status AS scoresheet, sh.updated_at AS "updatedAt"
         FROM assignments s JOIN application_snapshots sn ON sn.application_id = s.application_id
         LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE s.juror_id = $1 AND s.round_id = $2 AND s.status IN ('active', 'recused')
        ORDER BY s.created_at, s.id`,
      [jurorId, roundId],
    );
  }

  /** Every round that has opened in which the juror has or had assignments, with their progress. */
  async myRoundsOverview(jurorId: string): Promise<JurorRoundOverview[]> {
    return this.dataSource.query(
      `SELECT r.id AS "roundId", r.competition_id AS "competitionId", r.name, r.status, r.deadline,
              count(*) FILTER (WHERE s.status = 'active')::int AS assigned,
              count(*) FILTER (WHERE s.status = 'active' AND sh.status = 'draft')::int AS drafts,
              count(*) FILTER (WHERE s.status = 'active' AND sh.status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE s.status = 'recused')::int AS recused
         FROM assignments s JOIN review_rounds r ON r.id = s.round_id LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE s.juror_id = $1 AND s.status IN ('active', 'recused') AND r.status <> 'draft'
        GROUP BY r.id ORDER BY r.competition_id, r.position`,
      [jurorId],
    );
  }

  /**
   * Jurors with unfinished scoresheets (none yet, or a draft) in open rounds whose deadline falls
   * within `withinHours` but not within `shorterHours` (that window has its own reminder).
   */
  /** One juror's active assignments in a round, and how many of them have no submitted scoresheet. */
  async unfinishedOf(
    em: EntityManager,
    roundId: string,
    jurorId: string,
  ): Promise<{ assigned: number; unfinished: number }> {
    const [row]: { assigned: number; unfinished: number }[] = await em.query(
      `SELECT count(*)::int AS assigned, count(*) FILTER (WHERE sh.status IS NULL OR sh.status = 'draft')::int AS unfinished
         FROM assignments s LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE s.round_id = $1 AND s.juror_id = $2 AND s.status = 'active'`,
      [roundId, jurorId],
    );
    return row;
  }

  async unfinishedDue(
    em: EntityManager,
    withinHours: number,
    shorterHours: number,
  ): Promise<
    {
      roundId: string;
      jurorId: string;
      unfinished: number;
      roundName: string;
      competitionTitle: LocalizedText;
      deadline: Date;
    }[]
  > {
    return em.query(
      `SELECT r.id AS "roundId", s.juror_id AS "jurorId", count(*)::int AS unfinished, r.name AS "roundName", c.title AS "competitionTitle", r.deadline
         FROM review_rounds r JOIN competitions c ON c.id = r.competition_id
         JOIN assignments s ON s.round_id = r.id AND s.status = 'active'
         LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE r.status = 'open' AND r.deadline <= now() + make_interval(hours => $1)
          AND r.deadline > now() + make_interval(hours => $2)
          AND (sh.status IS NULL OR sh.status = 'draft')
        GROUP BY r.id, s.juror_id, c.title`,
      [withinHours, shorterHours],
    );
  }

  async myRounds(
    jurorId: string,
    limit: number,
    offset: number,
  ): Promise<[{ roundId: string; competitionId: string; assigned: number; submitted: number }[], number]> {
    const rows: { roundId: string; competitionId: string; assigned: number; submitted: number }[] =
      await this.dataSource.query(
        `SELECT s.round_id AS "roundId", r.competition_id AS "competitionId", count(*)::int AS assigned,
              count(*) FILTER (WHERE sh.status = 'submitted')::int AS submitted
         FROM assignments s JOIN review_rounds r ON r.id = s.round_id LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE s.juror_id = $1 AND s.status = 'active' GROUP BY s.round_id, r.competition_id, r.position
        ORDER BY r.competition_id, r.position LIMIT $2 OFFSET $3`,
        [jurorId, limit, offset],
      );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT round_id)::int AS total FROM assignments WHERE juror_id = $1 AND status = 'active'`,
      [jurorId],
    );
    return [rows, total];
  }

  /** The frozen snapshot and, for a round that is not blind, who applied. */
  async content(applicationId: string): Promise<AssignmentContent | null> {
    const rows: AssignmentContent[] = await this.dataSource.query(
      `SELECT sn.content, u.full_name AS "applicantName"
         FROM application_snapshots sn JOIN applications a ON a.id = sn.application_id JOIN users u ON u.id = a.applicant_id
        WHERE sn.application_id = $1`,
      [applicationId],
    );
    return rows[0] ?? null;
  }

  async goals(applicationId: string): Promise<{ code: string; title: LocalizedText; contribution: string }[]> {
    return this.dataSource.query(
      `SELECT g.code, g.title, ag.contribution FROM application_goals ag JOIN plan_goals g ON g.id = ag.goal_id
        WHERE ag.application_id = $1 ORDER BY ag.position`,
      [applicationId],
    );
  }

  async scoresheet(assignmentId: string, em: EntityManager = this.dataSource.manager): Promise<Scoresheet | null> {
    return em.findOne(Scoresheet, { where: { assignmentId } });
  }

  /**
   * One row per assignment whatever the race (the unique index on assignment_id decides); a
   * withdrawn scoresheet is never brought back. Returns null when it was withdrawn.
   */
  async save(
    em: EntityManager,
    values: Pick<
      Scoresheet,
      'assignmentId' | 'roundId' | 'applicationId' | 'jurorId' | 'scores' | 'comments' | 'comment'
    > & { submit: boolean },
  ): Promise<Scoresheet | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO scoresheets (assignment_id, round_id, application_id, juror_id, scores, comments, comment, status, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN 'submitted' ELSE 'draft' END, CASE WHEN $8 THEN now() END)
       ON CONFLICT (assignment_id) DO UPDATE SET scores = EXCLUDED.scores, comments = EXCLUDED.comments, comment = EXCLUDED.comment,
              status = CASE WHEN $8 OR scoresheets.status = 'submitted' THEN 'submitted' ELSE 'draft' END,
              submitted_at = CASE WHEN $8 THEN now() ELSE scoresheets.submitted_at END, updated_at = now()
        WHERE scoresheets.status <> 'withdrawn'
       RETURNING id`,
      [
        values.assignmentId,
        values.roundId,
        values.applicationId,
        values.jurorId,
        JSON.stringify(values.scores),
        JSON.stringify(values.comments),
        values.comment,
        values.submit,
      ],
    );
    return rows[0] ? em.findOne(Scoresheet, { where: { id: rows[0].id } }) : null;
  }
}
