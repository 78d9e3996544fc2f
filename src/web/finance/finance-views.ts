import { Injectable } from '@nestjs/common';
import { AwardQueuesQueryService, TrancheToPay } from '../../modules/awards/award-queues-query.service';

export type { TrancheToPay } from '../../modules/awards/award-queues-query.service';

/** Fifty rows a page: a morning's transfers at a glance. */
export const TO_PAY_PAGE_SIZE = 50;

export interface ToPayView {
  tranches: TrancheToPay[];
  total: number;
  page: number;
  pages: number;
}

/** The finance officer's reads, as the pages' plain data: the awards module's queue of approved tranches. */
@Injectable()
export class FinanceViews {
  constructor(private readonly queues: AwardQueuesQueryService) {}

  async toPay(page: number): Promise<ToPayView> {
    const [tranches, total] = await this.queues.tranchesToPay({
      limit: TO_PAY_PAGE_SIZE,
      offset: (page - 1) * TO_PAY_PAGE_SIZE,
    });
    return { tranches, total, page, pages: Math.max(1, Math.ceil(total / TO_PAY_PAGE_SIZE)) };
  }

  tranche(id: string): Promise<TrancheToPay> {
    return this.queues.trancheToPay(id);
  }
}
