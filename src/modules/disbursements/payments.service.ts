import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { awardAuditView } from '../awards/award-decisions.service';
import { AwardsRepository } from '../awards/awards.repository';
import { AWARD_TRANSITIONS, AwardStatus, TRANCHE_TRANSITIONS } from '../awards/domain/award-status';
import { Award } from '../awards/entities/award.entity';
import { Tranche } from '../awards/entities/tranche.entity';
import { GranteeMail } from '../awards/grantee-mail';
import { IdempotencyService, IdempotentOutcome } from '../idempotency/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { PaymentErrors as E } from './disbursements.errors';
import {
  awardStepsAfterPayment,
  paidOnProblem,
  payerFourEyesProblem,
  PAYABLE_AWARD_STATUSES,
  PAYMENT_TRANSITIONS,
  REVERSIBLE_AWARD_STATUSES,
} from './domain/payment-rules';
import { PaymentDto, PaymentFailureDto, RecordPaymentDto } from './dto/payment.dto';
import { Payment } from './entities/payment.entity';
import { PaymentsRepository } from './payments.repository';

const paymentAuditView = (p: Payment) => ({
  status: p.status,
  trancheId: p.trancheId,
  amount: p.amount.toString(),
  bankReference: p.bankReference,
  paidOn: p.paidOn,
  failureReason: p.failureReason,
});

/**
 * Recording that an approved tranche was paid, and that a transfer failed (DESIGN.md section 7).
 * Each runs in one transaction with its idempotency key, its ledger movement, the tranche's and
 * award's compare-and-set moves, the grantee's mail and the audit event; a refusal stores nothing
 * and leaves the key free. The award is locked before its tranche or payment, as the award's other
 * use cases do, so a payment waits behind a cancellation rather than racing it.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly payments: PaymentsRepository,
    private readonly awards: AwardsRepository,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly mail: GranteeMail,
    private readonly audit: AuditService,
  ) {}

  async record(
    actor: AuthUser,
    trancheId: string,
    input: RecordPaymentDto,
    key: string,
  ): Promise<IdempotentOutcome<PaymentDto>> {
    return this.dataSource.transaction((em) =>
      this.idempotency.run(
        em,
        { actorId: actor.id, key, scope: `payment.record:${trancheId}`, body: input },
        async () => ({
          status: HttpStatus.CREATED,
          body: PaymentDto.from(await this.recordIn(em, actor.id, trancheId, input)),
        }),
      ),
    );
  }

  async fail(
    actor: AuthUser,
    paymentId: string,
    input: PaymentFailureDto,
    key: string,
  ): Promise<IdempotentOutcome<PaymentDto>> {
    return this.dataSource.transaction((em) =>
      this.idempotency.run(
        em,
        { actorId: actor.id, key, scope: `payment.fail:${paymentId}`, body: input },
        async () => ({
          status: HttpStatus.OK,
          body: PaymentDto.from(await this.failIn(em, actor.id, paymentId, input.reason)),
        }),
      ),
    );
  }

  private async recordIn(
    em: EntityManager,
    actorId: string,
    trancheId: string,
    input: RecordPaymentDto,
  ): Promise<Payment> {
    const awardId = await this.payments.awardOfTranche(em, trancheId);
    if (!awardId) throw new DomainError(E.TRANCHE_NOT_FOUND);
    const award = (await this.awards.lock(em, awardId))!;
    const tranche = (await this.payments.lockTranche(em, trancheId))!;
    if (!TRANCHE_TRANSITIONS.pay.from.includes(tranche.status))
      throw new DomainError(E.TRANCHE_NOT_APPROVED, { status: tranche.status });
    if (!PAYABLE_AWARD_STATUSES.includes(award.status))
      throw new DomainError(E.AWARD_WRONG_STATUS, { status: award.status });
    if (payerFourEyesProblem(tranche.approvedBy, actorId)) throw new DomainError(E.FOUR_EYES);
    await this.checkPaidOn(em, input.paidOn, award);

    const ledgerTransactionId = await this.ledger.post(em, {
      competitionId: award.competitionId,
      movement: 'payment',
      amount: tranche.amount,
      awardId,
      reference: `tranche ${tranche.position} paid: ${input.bankReference}`,
      actorId,
    });
    const id = await this.payments.insert(em, {
      trancheId,
      awardId,
      amount: tranche.amount,
      bankReference: input.bankReference,
      paidOn: input.paidOn,
      recordedBy: actorId,
      ledgerTransactionId,
    });
    if (!(await this.payments.moveTranche(em, trancheId, TRANCHE_TRANSITIONS.pay.from, TRANCHE_TRANSITIONS.pay.to)))
      throw new DomainError(E.TRANCHE_NOT_APPROVED, { status: tranche.status });
    let status = award.status;
    for (const step of awardStepsAfterPayment(award.status, await this.payments.everyTranchePaid(em, awardId))) {
      const { from, to } = AWARD_TRANSITIONS[step];
      if (!(await this.awards.transition(em, awardId, from, to)))
        throw new DomainError(E.AWARD_WRONG_STATUS, { status });
      status = to;
    }
    const payment = (await this.payments.find(id, em))!;
    await this.tellGrantee(em, payment, tranche);
    await this.audit.record(em, {
      actorId,
      action: 'payment.recorded',
      entityType: 'payment',
      entityId: id,
      before: { trancheStatus: tranche.status },
      after: { ...paymentAuditView(payment), trancheStatus: TRANCHE_TRANSITIONS.pay.to },
    });
    await this.recordAwardMove(
      em,
      actorId,
      award,
      status,
      status === 'completed' ? 'award.completed' : 'award.activated',
    );
    return payment;
  }

  private async failIn(em: EntityManager, actorId: string, paymentId: string, reason: string): Promise<Payment> {
    const found = await this.payments.find(paymentId, em);
    if (!found) throw new DomainError(E.PAYMENT_NOT_FOUND);
    const award = (await this.awards.lock(em, found.awardId))!;
    const before = (await this.payments.lock(em, paymentId))!;
    if (!PAYMENT_TRANSITIONS.fail.from.includes(before.status)) throw new DomainError(E.ALREADY_FAILED);
    if (!REVERSIBLE_AWARD_STATUSES.includes(award.status))
      throw new DomainError(E.AWARD_WRONG_STATUS, { status: award.status });
    const tranche = (await this.payments.lockTranche(em, before.trancheId))!;

    const reversalId = await this.ledger.post(em, {
      competitionId: award.competitionId,
      movement: 'payment_reversal',
      amount: before.amount,
      awardId: award.id,
      reference: `tranche ${tranche.position} payment failed: ${before.bankReference}`,
      actorId,
    });
    if (!(await this.payments.markFailed(em, paymentId, actorId, reason, reversalId)))
      throw new DomainError(E.ALREADY_FAILED);
    const { from, to } = TRANCHE_TRANSITIONS.payment_failed;
    if (!(await this.payments.moveTranche(em, tranche.id, from, to)))
      throw new DomainError(E.TRANCHE_NOT_APPROVED, { status: tranche.status });
    let status = award.status;
    if (AWARD_TRANSITIONS.reopen.from.includes(status)) {
      if (!(await this.awards.transition(em, award.id, AWARD_TRANSITIONS.reopen.from, AWARD_TRANSITIONS.reopen.to)))
        throw new DomainError(E.AWARD_WRONG_STATUS, { status });
      status = AWARD_TRANSITIONS.reopen.to;
    }
    const after = (await this.payments.find(paymentId, em))!;
    await this.audit.record(em, {
      actorId,
      action: 'payment.failed',
      entityType: 'payment',
      entityId: paymentId,
      before: { ...paymentAuditView(before), trancheStatus: tranche.status },
      after: { ...paymentAuditView(after), trancheStatus: to },
    });
    await this.recordAwardMove(em, actorId, award, status, 'award.reopened');
    return after;
  }

  /** Rule 12: a value date after today or before the acceptance, on the server's clock in the programme's time zone. */
  private async checkPaidOn(em: EntityManager, paidOn: string, award: Award): Promise<void> {
    const { today, acceptedOn } = await this.payments.calendarDates(em, award.respondedAt!, this.config.mailTimeZone);
    const problem = paidOnProblem(paidOn, today, acceptedOn);
    if (problem === 'future')
      throw new DomainError(E.PAID_ON_IN_FUTURE, {
        today,
        fields: [{ field: 'paidOn', problems: [`paidOn cannot be after today (${today})`] }],
      });
    if (problem === 'before_acceptance')
      throw new DomainError(E.PAID_ON_BEFORE_ACCEPTANCE, {
        acceptedOn,
        fields: [{ field: 'paidOn', problems: [`paidOn cannot be before the award was accepted (${acceptedOn})`] }],
      });
  }

  private async tellGrantee(em: EntityManager, payment: Payment, tranche: Tranche): Promise<void> {
    await this.mail.aboutTranches(em, payment.awardId, 'payment.recorded', [
      {
        tranche,
        data: { amount: payment.amount.toString(), bankReference: payment.bankReference, paidOn: payment.paidOn },
        dedupeKey: `payment.recorded:${payment.id}`,
      },
    ]);
  }

  /** Rule 10: the award's own change of status (active, completed, active again) in its trail too. */
  private async recordAwardMove(
    em: EntityManager,
    actorId: string,
    before: Award,
    status: AwardStatus,
    action: string,
  ): Promise<void> {
    if (status === before.status) return;
    await this.audit.record(em, {
      actorId,
      action,
      entityType: 'award',
      entityId: before.id,
      before: awardAuditView(before),
      after: { ...awardAuditView(before), status },
    });
  }
}
