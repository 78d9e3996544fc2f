import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TaskCounts } from './domain/staff-tasks';

type ServiceCounts = Pick<TaskCounts, 'approvals' | 'reports' | 'screening' | 'answered' | 'failedRuns' | 'payments'>;
type JurorCounts = Pick<TaskCounts, 'conflicts' | 'scoring'>;

/**
 * Counts of what waits for staff, in SQL of its own. Reads: awards (proposals), milestone_reports
 * (submitted, not yet reviewed), applications (submitted, not yet screened) and application_returns
 * (of those, the ones sent again after a return), tranches (approved, on an accepted or active
 * award: to pay), assignment_runs and
 * review_rounds (the latest run of a round still in draft or open, when infeasible),
 * competition_jurors (declarations not confirmed), assignments and scoresheets (active
 * assignments of open rounds without a submitted sheet), users (active staff).
 */
@Injectable()
export class StaffTasksReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** The service's tasks, for every manager; `proposalsNotBy` leaves out a manager's own proposals. */
  async serviceCounts(
    proposalsNotBy: string | null,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ServiceCounts> {
    const [row]: ServiceCounts[] = await em.query(
      `SELECT
         (SELECT count(*) FROM awards WHERE status = 'proposed' AND proposed_by IS DISTINCT FROM $1)::int AS approvals,
         (SELECT count(*) FROM milestone_reports WHERE status = 'submitted')::int AS reports,
         (SELECT count(*) FROM applications WHERE status = 'submitted')::int AS screening,
         (SELECT count(*) FROM applications a WHERE a.status = 'submitted'
             AND EXISTS (SELECT 1 FROM application_returns r WHERE r.application_id = a.id AND r.outcome = 'resubmitted'))::int AS answered,
         (SELECT count(*) FROM tranches t JOIN awards w ON w.id = t.award_id
           WHERE t.status = 'approved' AND w.status IN ('accepted', 'active'))::int AS payments,
         (SELECT count(*) FROM (
            SELECT DISTINCT ON (run.round_id) run.status
              FROM assignment_runs run JOIN review_rounds r ON r.id = run.round_id AND r.status IN ('draft', 'open')
             ORDER BY run.round_id, run.created_at DESC
          ) latest WHERE latest.status = 'infeasible')::int AS "failedRuns"`,
      [proposalsNotBy],
    );
    return row;
  }

  /** Proposals awaiting approval by proposer, so each manager's count leaves out their own. */
  async proposalsByProposer(em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { proposedBy: string; n: number }[] = await em.query(
      `SELECT proposed_by AS "proposedBy", count(*)::int AS n FROM awards WHERE status = 'proposed' GROUP BY proposed_by`,
    );
    return new Map(rows.map((r) => [r.proposedBy, r.n]));
  }

  /** A juror's own tasks; with no juror given, every juror who has any. */
  async jurorCounts(
    jurorId: string | null,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, JurorCounts>> {
    const rows: (JurorCounts & { jurorId: string })[] = await em.query(
      `WITH conflicts AS (
         SELECT user_id AS juror_id, count(*)::int AS n FROM competition_jurors
          WHERE conflicts_confirmed_at IS NULL AND ($1::uuid IS NULL OR user_id = $1) GROUP BY user_id
       ), scoring AS (
         SELECT a.juror_id, count(*)::int AS n
           FROM assignments a JOIN review_rounds r ON r.id = a.round_id AND r.status = 'open'
           LEFT JOIN scoresheets s ON s.assignment_id = a.id
          WHERE a.status = 'active' AND (s.status IS NULL OR s.status = 'draft') AND ($1::uuid IS NULL OR a.juror_id = $1)
          GROUP BY a.juror_id
       )
       SELECT coalesce(c.juror_id, s.juror_id) AS "jurorId", coalesce(c.n, 0) AS conflicts, coalesce(s.n, 0) AS scoring
         FROM conflicts c FULL JOIN scoring s ON s.juror_id = c.juror_id`,
      [jurorId],
    );
    return new Map(rows.map(({ jurorId: id, ...counts }) => [id, counts]));
  }

  /** Active managers, jurors and finance officers: who a digest may go to. */
  async staff(em: EntityManager = this.dataSource.manager): Promise<{ id: string; roles: string[] }[]> {
    return em.query(
      `SELECT id, roles FROM users WHERE active AND roles && ARRAY['manager', 'juror', 'finance']::text[] ORDER BY id`,
    );
  }
}
