import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocalizedText } from '../../common/i18n/localized-text';
import type { PaymentStatus } from './entities/payment.entity';

/** One payment as the finance officers' list shows it: the transfer with its award, grantee and tranche. */
export interface RecentPayment {
  paymentId: string;
  trancheId: string;
  awardId: string;
  competitionTitle: LocalizedText;
  reference: string;
  granteeName: string;
  trancheLabel: LocalizedText;
  tranchePosition: number;
  amount: bigint;
  bankReference: string;
  paidOn: string;
  status: PaymentStatus;
  recordedAt: Date;
  failureReason: string | null;
}

const COLUMNS = `p.id AS "paymentId", p.tranche_id AS "trancheId", p.award_id AS "awardId", c.title AS "competitionTitle",
  a.reference, u.full_name AS "granteeName", t.label AS "trancheLabel", t.position AS "tranchePosition", p.amount,
  p.bank_reference AS "bankReference", to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn", p.status,
  p.created_at AS "recordedAt", p.failure_reason AS "failureReason"`;
const FROM = `payments p
  JOIN tranches t ON t.id = p.tranche_id
  JOIN awards w ON w.id = p.award_id
  JOIN applications a ON a.id = w.application_id
  JOIN users u ON u.id = a.applicant_id
  JOIN competitions c ON c.id = w.competition_id`;

type Raw = Omit<RecentPayment, 'amount'> & { amount: string };
const parsed = (r: Raw): RecentPayment => ({ ...r, amount: BigInt(r.amount) });

/**
 * The finance officers' list of payments, newest first, with names and titles. Reads payments (its
 * own) and, for the names, tranches, awards, applications, users and competitions: a read model,
 * as STYLE.md allows for reporting reads across modules.
 */
@Injectable()
export class RecentPaymentsReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async list(limit: number, offset: number): Promise<[RecentPayment[], number]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} ORDER BY p.created_at DESC, p.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM payments`);
    return [rows.map(parsed), total];
  }

  async one(id: string): Promise<RecentPayment | null> {
    const [row]: Raw[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
    return row ? parsed(row) : null;
  }
}
