import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageRequest } from '../../common/http/pagination';
import { AwardsQueryService } from '../awards/awards-query.service';
import { PaymentErrors as E } from './disbursements.errors';
import { PaymentDto } from './dto/payment.dto';
import { PaymentsRepository } from './payments.repository';
import { RecentPayment, RecentPaymentsReadModel } from './recent-payments.read-model';

export type { RecentPayment } from './recent-payments.read-model';

/** Reading payments: staff see every award's; a grantee sees those of their own award, once it is offered. */
@Injectable()
export class PaymentsQueryService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly awards: AwardsQueryService,
    private readonly recentPayments: RecentPaymentsReadModel,
  ) {}

  /** Every payment, newest first, for finance officers (the web layer checks the role before it calls). */
  recent(page: PageRequest): Promise<[RecentPayment[], number]> {
    return this.recentPayments.list(page.limit, page.offset);
  }

  async recentOne(id: string): Promise<RecentPayment> {
    const payment = await this.recentPayments.one(id);
    if (!payment) throw new DomainError(E.PAYMENT_NOT_FOUND);
    return payment;
  }

  async listByAward(actor: AuthUser, awardId: string, page: PageRequest): Promise<[PaymentDto[], number]> {
    if (!(await this.awards.isVisibleTo(actor, awardId))) throw new DomainError(E.AWARD_NOT_FOUND);
    const [payments, total] = await this.payments.listByAward(awardId, page.limit, page.offset);
    return [payments.map((p) => PaymentDto.from(p)), total];
  }
}
