import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { TRANCHE_TRANSITIONS } from '../awards/domain/award-status';
import { Award } from '../awards/entities/award.entity';
import { Tranche } from '../awards/entities/tranche.entity';
import { GranteeMail } from '../awards/grantee-mail';
import { MoveConflicts, TrancheLifecycleService } from '../awards/tranche-lifecycle.service';
import { IdempotencyKey, IdempotencyService, IdempotentOutcome } from '../idempotency/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { PaymentErrors as E } from './disbursements.errors';
import {
  paidOnProblem,
  payerFourEyesProblem,
  PAYABLE_AWARD_STATUSES,
  PAYMENT_TRANSITIONS,
  REVERSIBLE_AWARD_STATUSES,
} from './domain/payment-rules';
import { PaymentDto, PaymentFailureDto, RecordPaymentDto } from './dto/payment.dto';
import { Payment } from './entities/payment.entity';
import { PaymentsRepository } from './payments.repository';

/** A tranche or award moved by someone else between the checks and the move (in the payment's words). */
const MOVED: MoveConflicts = { trancheMoved: E.TRANCHE_NOT_APPROVED, awardMoved: E.AWARD_WRONG_STATUS };

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
 * Each runs in one transaction with its idempotency key, its ledger movement, the grantee's mail,
 * the audit event and the tranche's and award's moves, which are the awards module's tranche
 * lifecycle; a refusal stores nothing and leaves the key free. The award is locked before its
 * tranche or payment, as the award's other use cases do, so a payment waits behind a cancellation
 * rather than racing it.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly payments: PaymentsRepository,
    private readonly tranches: TrancheLifecycleService,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly mail: GranteeMail,
    private readonly audit: AuditService,
  ) {}

  async record(
    actor: AuthUser,
    trancheId: string,
    input: RecordPaymentDto,
    key: IdempotencyKey,
  ): Promise<IdempotentOutcome<PaymentDto>> {
    return this.dataSource.transaction((em) =>
      this.idempotency.run(
        em,
        { actorId: actor.id, key, scope: `payment.record:${trancheId}`, body: input },
        async () => PaymentDto.from(await this.recordIn(em, actor.id, trancheId, input)),
      ),
    );
  }

  async fail(
    actor: AuthUser,
    paymentId: string,
    input: PaymentFailureDto,
    key: IdempotencyKey,
  ): Promise<IdempotentOutcome<PaymentDto>> {
    return this.dataSource.transaction((em) =>
      this.idempotency.run(em, { actorId: actor.id, key, scope: `payment.fail:${paymentId}`, body: input }, async () =>
        PaymentDto.from(await this.failIn(em, actor.id, paymentId, input.reason)),
      ),
    );
  }

  private async recordIn(
    em: EntityManager,
    actorId: string,
    trancheId: string,
    input: RecordPaymentDto,
  ): Promise<Payment> {
    const awardId = await this.tranches.awardOfTranche(em, trancheId);
    if (!awardId) throw new DomainError(E.TRANCHE_NOT_FOUND);
    const award = (await this.tranches.lockAward(em, awardId))!;
    const tranche = (await this.tranches.lockTranche(em, trancheId))!;
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
    const payment = await this.audit.recordReloaded(em, {
      actorId,
      action: 'payment.recorded',
      entityType: 'payment',
      entityId: id,
      before: { trancheStatus: tranche.status },
      reload: (tx) => this.payments.find(id, tx),
      after: (row) => ({ ...paymentAuditView(row), trancheStatus: TRANCHE_TRANSITIONS.pay.to }),
    });
    await this.tellGrantee(em, payment, tranche);
    await this.tranches.markPaid(em, actorId, { award, tranche }, MOVED);
    return payment;
  }

  private async failIn(em: EntityManager, actorId: string, paymentId: string, reason: string): Promise<Payment> {
    const found = await this.payments.find(paymentId, em);
    if (!found) throw new DomainError(E.PAYMENT_NOT_FOUND);
    const award = (await this.tranches.lockAward(em, found.awardId))!;
    const before = (await this.payments.lock(em, paymentId))!;
    if (!PAYMENT_TRANSITIONS.fail.from.includes(before.status)) throw new DomainError(E.ALREADY_FAILED);
    if (!REVERSIBLE_AWARD_STATUSES.includes(award.status))
      throw new DomainError(E.AWARD_WRONG_STATUS, { status: award.status });
    const tranche = (await this.tranches.lockTranche(em, before.trancheId))!;

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
    const after = await this.audit.recordReloaded(em, {
      actorId,
      action: 'payment.failed',
      entityType: 'payment',
      entityId: paymentId,
      before: { ...paymentAuditView(before), trancheStatus: tranche.status },
      reload: (tx) => this.payments.find(paymentId, tx),
      after: (row) => ({ ...paymentAuditView(row), trancheStatus: TRANCHE_TRANSITIONS.payment_failed.to }),
    });
    await this.tranches.returnToApproved(em, actorId, { award, tranche }, MOVED);
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
}
