import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalAwaiting, ReportAwaiting, ReportForReview } from './award-queue-views';

const REPORT_COLUMNS = `r.id AS "reportId", r.award_id AS "awardId", c.title AS "competitionTitle", a.reference,
  a.title AS "applicationTitle", t.label AS "trancheLabel", t.position AS "tranchePosition", t.amount AS "trancheAmount",
  r.jobs_created AS "jobsCreated", r.created_at AS "submittedAt"`;
const REPORT_FROM = `milestone_reports r
  JOIN tranches t ON t.id = r.tranche_id
  JOIN awards w ON w.id = r.award_id
  JOIN applications a ON a.id = w.application_id
  JOIN competitions c ON c.id = w.competition_id`;

type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/**
 * The managers' work queues of the awards module: proposals waiting for a second manager, and
 * milestone reports waiting for review. Reads awards, tranches, milestone_reports and award_files
 * (its own), and, for names and titles, applications, budget_lines, competitions and users.
 */
@Injectable()
export class AwardQueuesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async proposalsAwaiting(notProposedBy: string, limit: number): Promise<ProposalAwaiting[]> {
    const rows: Raw<ProposalAwaiting, 'amount' | 'requested'>[] = await this.dataSource.query(
      `SELECT w.id AS "awardId", w.competition_id AS "competitionId", c.title AS "competitionTitle", a.reference,
              a.title AS "applicationTitle", w.rank, w.amount, w.requested, u.full_name AS "proposedByName",
              w.created_at AS "proposedAt", w.comment
         FROM awards w
         JOIN applications a ON a.id = w.application_id
         JOIN competitions c ON c.id = w.competition_id
         JOIN users u ON u.id = w.proposed_by
        WHERE w.status = 'proposed' AND w.proposed_by <> $1
        ORDER BY w.created_at, w.rank NULLS LAST, w.id
        LIMIT $2`,
      [notProposedBy, limit],
    );
    return rows.map((r) => ({ ...r, amount: BigInt(r.amount), requested: BigInt(r.requested) }));
  }

  async reportsAwaiting(limit: number): Promise<ReportAwaiting[]> {
    const rows: Raw<ReportAwaiting, 'trancheAmount'>[] = await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}
        WHERE r.status = 'submitted'
        ORDER BY r.created_at, r.id
        LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ ...r, trancheAmount: BigInt(r.trancheAmount) }));
  }

  async report(id: string): Promise<ReportForReview | null> {
    const [row]: (Raw<ReportAwaiting, 'trancheAmount'> &
      Pick<ReportForReview, 'body' | 'status' | 'spending' | 'reviewComment' | 'reviewedAt'> & {
        fileIds: string[];
        applicationId: string;
      })[] = await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS}, r.body, r.status, r.spending, r.file_ids AS "fileIds", r.review_comment AS "reviewComment",
              r.reviewed_at AS "reviewedAt", a.id AS "applicationId"
         FROM ${REPORT_FROM} WHERE r.id = $1`,
      [id],
    );
    if (!row) return null;
    const files: { id: string; name: string; size: number }[] = await this.dataSource.query(
      `SELECT id, original_name AS name, size FROM award_files WHERE award_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [row.awardId, row.fileIds],
    );
    const lines: { category: string; description: string; amount: string }[] = await this.dataSource.query(
      `SELECT category, description, amount FROM budget_lines WHERE application_id = $1 ORDER BY position`,
      [row.applicationId],
    );
    const { fileIds: _ids, applicationId: _app, ...report } = row;
    return {
      ...report,
      trancheAmount: BigInt(row.trancheAmount),
      files,
      budgetLines: lines.map((l) => ({ ...l, amount: BigInt(l.amount) })),
    };
  }
}
