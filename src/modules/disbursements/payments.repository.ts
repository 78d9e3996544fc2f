import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Payment } from './entities/payment.entity';

export type NewPayment = Pick<
  Payment,
  'trancheId' | 'awardId' | 'amount' | 'bankReference' | 'paidOn' | 'recordedBy' | 'ledgerTransactionId'
>;

/** Payments of tranches. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  async listByAward(awardId: string, limit: number, offset: number): Promise<[Payment[], number]> {
    return this.dataSource.manager.findAndCount(Payment, {
      where: { awardId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
