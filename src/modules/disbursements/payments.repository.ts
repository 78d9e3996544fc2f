import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AwardStatus, TrancheStatus } from '../awards/domain/award-status';
import { Tranche } from '../awards/entities/tranche.entity';
import { Payment } from './entities/payment.entity';

export type NewPayment = Pick<
  Payment,
  'trancheId' | 'awardId' | 'amount' | 'bankReference' | 'paidOn' | 'recordedBy' | 'ledgerTransactionId'
>;

/** Payments, and what paying moves on the tranches of an award. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The award of a tranche, read without a lock: the award is locked first, then the tranche. */
  async awardOfTranche(em: EntityManager, trancheId: string): Promise<string | null> {
    const rows: { awardId: string }[] = await em.query('SELECT award_id AS "awardId" FROM tranches WHERE id = $1', [
      trancheId,
    ]);
    return rows[0]?.awardId ?? null;
  }

  async lockTranche(em: EntityManager, trancheId: string): Promise<Tranche | null> {
    return em
      .getRepository(Tranche)
      .createQueryBuilder('t')
      .where('t.id = :trancheId', { trancheId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Compare-and-set: false when the tranche was no longer in `from`. */
  async moveTranche(
    em: EntityManager,
    trancheId: string,
    from: readonly TrancheStatus[],
    to: TrancheStatus,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE tranches SET status = $2, updated_at = now() WHERE id = $1 AND status = ANY($3)`,
      [trancheId, to, from],
    );
    return count === 1;
  }

  async everyTranchePaid(em: EntityManager, awardId: string): Promise<boolean> {
    const [row]: { paid: boolean }[] = await em.query(
      `SELECT bool_and(status = 'paid') AS paid FROM tranches WHERE award_id = $1`,
      [awardId],
    );
    return row.paid === true;
  }

  /** Today and the day of `acceptedAt`, as calendar dates in the programme's time zone, on the server's clock. */
  async calendarDates(
    em: EntityManager,
    acceptedAt: Date,
    timeZone: string,
  ): Promise<{ today: string; acceptedOn: string }> {
    const [row]: { today: string; acceptedOn: string }[] = await em.query(
      `SELECT to_char(now() AT TIME ZONE $2, 'YYYY-MM-DD') AS today, to_char($1::timestamptz AT TIME ZONE $2, 'YYYY-MM-DD') AS "acceptedOn"`,
      [acceptedAt, timeZone],
    );
    return row;
  }

  /** Who is told about a payment of the award, and what the mail names. */
  async insert(em: EntityManager, values: NewPayment): Promise<string> {
    const { identifiers } = await em.insert(Payment, values);
    return identifiers[0].id as string;
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<Payment | null> {
    return em.findOne(Payment, { where: { id } });
  }

  async lock(em: EntityManager, id: string): Promise<Payment | null> {
    return em
      .getRepository(Payment)
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Compare-and-set recorded -> failed, with who, why and the reversal; false when it had already failed. */
  async markFailed(
    em: EntityManager,
    id: string,
    actorId: string,
    reason: string,
    reversalTransactionId: string,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE payments SET status = 'failed', failed_at = now(), failed_by = $2, failure_reason = $3, reversal_transaction_id = $4 WHERE id = $1 AND status = 'recorded'`,
      [id, actorId, reason, reversalTransactionId],
    );
    return count === 1;
  }

  /** Who may read an award's payments: its status and the applicant of its application. */
  async awardAccess(awardId: string): Promise<{ status: AwardStatus; applicantId: string } | null> {
    const rows: { status: AwardStatus; applicantId: string }[] = await this.dataSource.query(
      `SELECT w.status, a.applicant_id AS "applicantId" FROM awards w JOIN applications a ON a.id = w.application_id WHERE w.id = $1`,
      [awardId],
    );
    return rows[0] ?? null;
  }

  async listByAward(awardId: string): Promise<Payment[]> {
    return this.dataSource.manager
      .getRepository(Payment)
      .createQueryBuilder('p')
      .where('p.award_id = :awardId', { awardId })
      .orderBy('p.created_at')
      .addOrderBy('p.id')
      .getMany();
  }
}
