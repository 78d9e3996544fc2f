import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { isStaff } from '../awards/awards-query.service';
import { PaymentErrors as E } from './disbursements.errors';
import { PaymentDto } from './dto/payment.dto';
import { PaymentsRepository } from './payments.repository';

/** Reading payments: staff see every award's; a grantee sees those of their own award, once it is offered. */
@Injectable()
export class PaymentsQueryService {
  constructor(private readonly payments: PaymentsRepository) {}

  async listByAward(actor: AuthUser, awardId: string): Promise<PaymentDto[]> {
    const access = await this.payments.awardAccess(awardId);
    const visible =
      access !== null && (isStaff(actor) || (access.status !== 'proposed' && access.applicantId === actor.id));
    if (!visible) throw new DomainError(E.AWARD_NOT_FOUND);
    return (await this.payments.listByAward(awardId)).map((p) => PaymentDto.from(p));
  }
}
