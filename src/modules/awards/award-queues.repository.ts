import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalAwaiting, ReportAwaiting, ReportForReview, TrancheToPay } from './award-queue-views';

const REPORT_COLUMNS = `r.id AS "reportId", r.award_id AS "awardId", c.title AS "competitionTitle", a.reference,
  a.title AS "applicationTitle", t.label AS "trancheLabel", t.position AS "tranchePosition", t.amount AS "trancheAmount",
  r.jobs_created AS "jobsCreated", r.created_at AS "submittedAt"`;
const REPORT_FROM = `milestone_reports r
  JOIN tranches t ON t.id = r.tranche_id
  JOIN awards w ON w.id = r.award_id
  JOIN applications a ON a.id = w.application_id
  JOIN competitions c ON c.id = w.competition_id`;

const TO_PAY_COLUMNS = `t.id AS "trancheId", t.award_id AS "awardId", c.title AS "competitionTitle", a.reference,
  u.full_name AS "granteeName", t.label AS "trancheLabel", t.position AS "tranchePosition", t.amount,
  t.approved_at AS "approvedAt", t.approved_by AS "approvedBy", t.status`;
const TO_PAY_FROM = `tranches t
  JOIN awards w ON w.id = t.award_id
  JOIN applications a ON a.id = w.application_id
  JOIN users u ON u.id = a.applicant_id
  JOIN competitions c ON c.id = w.competition_id`;
/** Tranches are paid on awards the grantee has accepted, until the award is complete (the payment service's rule too). */
const PAYABLE = `t.status = 'approved' AND w.status IN ('accepted', 'active')`;

type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/**
 * The managers' work queues of the awards module: proposals waiting for a second manager, and
 * milestone reports waiting for review; and the finance officers' one: approved tranches to pay. Reads awards, tranches, milestone_reports and award_files
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

  /** Approved tranches of running awards, oldest approval first, one page of them and how many in all. */
  async tranchesToPay(limit: number, offset: number): Promise<[TrancheToPay[], number]> {
    const rows: Raw<TrancheToPay, 'amount'>[] = await this.dataSource.query(
      `SELECT ${TO_PAY_COLUMNS} FROM ${TO_PAY_FROM}
        WHERE ${PAYABLE}
        ORDER BY t.approved_at, t.id
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${TO_PAY_FROM} WHERE ${PAYABLE}`,
    );
    return [rows.map((r) => ({ ...r, amount: BigInt(r.amount) })), total];
  }

  /** One tranche as the payment form shows it, whatever its status now; null when there is none. */
  async trancheToPay(id: string): Promise<TrancheToPay | null> {
    const [row]: Raw<TrancheToPay, 'amount'>[] = await this.dataSource.query(
      `SELECT ${TO_PAY_COLUMNS} FROM ${TO_PAY_FROM} WHERE t.id = $1`,
      [id],
    );
    return row ? { ...row, amount: BigInt(row.amount) } : null;
  }
}
