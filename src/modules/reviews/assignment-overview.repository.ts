import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssignmentStatus } from './entities/assignment.entity';

/** The manager's overview of a round's assignments. */
@Injectable()
export class AssignmentOverviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The manager's view: every application of the round (or the one given) with its jurors, their
   * progress and the alternates, a page at a time in reference order.
   */
  async overview(
    roundId: string,
    limit: number,
    offset: number,
    applicationId?: string,
  ): Promise<[OverviewRow[], number]> {
    const rows: (OverviewRow & { total: number })[] = await this.dataSource.query(
      `SELECT a.id AS "applicationId", a.reference, a.title, a.status AS "applicationStatus", ra.alternates, count(*) OVER ()::int AS total,
              COALESCE((SELECT json_agg(json_build_object('id', s.id, 'jurorId', s.juror_id, 'jurorName', u.full_name, 'status', s.status, 'source', s.source,
                                                          'affinity', s.affinity, 'scoresheet', sh.status, 'endReason', s.end_reason) ORDER BY s.created_at, s.id)
                          FROM assignments s JOIN users u ON u.id = s.juror_id LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
                         WHERE s.round_id = ra.round_id AND s.application_id = ra.application_id), '[]') AS assignments
         FROM round_applications ra JOIN applications a ON a.id = ra.application_id
        WHERE ra.round_id = $1 AND ($4::uuid IS NULL OR ra.application_id = $4)
        ORDER BY a.reference_number, a.id LIMIT $2 OFFSET $3`,
      [roundId, limit, offset, applicationId ?? null],
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
