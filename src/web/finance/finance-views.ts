import { Injectable } from '@nestjs/common';
import { AwardQueuesQueryService, TrancheToPay } from '../../modules/awards/award-queues-query.service';
import { PaymentsQueryService, RecentPayment } from '../../modules/disbursements/payments-query.service';

export type { TrancheToPay } from '../../modules/awards/award-queues-query.service';
export type { RecentPayment } from '../../modules/disbursements/payments-query.service';

/** Fifty rows a page: a morning's transfers at a glance. */
export const PAGE_SIZE = 50;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}
export type ToPayView = Paged<TrancheToPay>;
export type PaymentsView = Paged<RecentPayment>;

const pageRequest = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
const paged = <T>([items, total]: [T[], number], page: number): Paged<T> => ({
  items,
  total,
  page,
  pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
});

/** The finance officer's reads, as the pages' plain data: approved tranches to pay, and the payments recorded. */
@Injectable()
export class FinanceViews {
  constructor(
    private readonly queues: AwardQueuesQueryService,
    private readonly payments: PaymentsQueryService,
  ) {}

  async toPay(page: number): Promise<ToPayView> {
    return paged(await this.queues.tranchesToPay(pageRequest(page)), page);
  }

  async recentPayments(page: number): Promise<PaymentsView> {
    return paged(await this.payments.recent(pageRequest(page)), page);
  }

  payment(id: string): Promise<RecentPayment> {
    return this.payments.recentOne(id);
  }

  tranche(id: string): Promise<TrancheToPay> {
    return this.queues.trancheToPay(id);
  }
}
