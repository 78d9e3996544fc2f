import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { Outbox } from '../notifications/outbox.service';
import { AllocationRepository } from './allocation.repository';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { AWARD_TRANSITIONS, awardAmountProblem, fourEyesProblem } from './domain/award-status';
import { Award } from './entities/award.entity';

/** What an award is audited as: amounts as strings, no personal data. */
export const awardAuditView = (a: Award) => ({
  status: a.status,
  amount: a.amount.toString(),
  applicationId: a.applicationId,
  rank: a.rank,
});

/**
 * A manager's decisions on proposed awards (proposing them is AwardProposalsService): approve (four
 * eyes; commits the money in the ledger and the envelopes in the same transaction, so the budget
 * and every envelope hold under any race: rule 7), send back, cancel.
 */
@Injectable()
export class AwardDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly allocations: AllocationRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Four eyes (rule 9), then the commitment: the ledger's budget account and the envelopes refuse,
   * by CHECK constraints on rows every approval locks, any approval that would overrun them. With
   * an idempotency key (a web form's one-time key), the same key again answers with the award as
   * it is instead of a conflict: an approve button pressed twice approves once, and says so.
   */
  async approve(actorId: string, id: string, idempotencyKey?: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      if (idempotencyKey === undefined) return this.approveIn(em, actorId, id);
      const outcome = await this.idempotency.run(
        em,
        { actorId, key: { value: idempotencyKey, responseStatus: 200 }, scope: `award.approve:${id}`, body: {} },
        async () => (await this.approveIn(em, actorId, id)).id,
      );
      return (await this.awards.find(outcome.body, em))!;
    });
  }

  private async approveIn(em: EntityManager, actorId: string, id: string): Promise<Award> {
    const before = await this.lockIn(em, id, AWARD_TRANSITIONS.approve.from);
    const fourEyes = fourEyesProblem(before.proposedBy, actorId);
    if (fourEyes) throw new DomainError(E.FOUR_EYES, { proposedBy: before.proposedBy });
    const competition = (await this.allocations.competition(em, before.competitionId))!;
    const problem = awardAmountProblem(before.amount, before.requested, competition.maxAward);
    if (problem) throw new DomainError(E.INVALID_AMOUNT, { fields: [{ field: 'amount', problems: [problem] }] });
    const application = await this.awards.applicationOf(em, before.applicationId);
    // Withdrawn since it was proposed: nothing to commit money to.
    if (application.status !== 'shortlisted')
      throw new DomainError(E.NOT_A_CANDIDATE, { applicationStatus: application.status });
    await this.ledger.post(em, {
      competitionId: before.competitionId,
      movement: 'commitment',
      amount: before.amount,
      awardId: id,
      reference: 'award approved',
      actorId,
    });
    await this.allocations.moveEnvelopes(em, before.competitionId, before.applicationId, before.amount);
    if (!(await this.awards.approve(em, id, actorId, competition.awardRules.acceptanceDays)))
      throw new DomainError(E.WRONG_STATUS, { status: before.status });
    const after = await this.audit.recordReloaded(em, {
      actorId,
      action: 'award.approved',
      entityType: 'award',
      entityId: id,
      before: awardAuditView(before),
      reload: (tx) => this.awards.find(id, tx),
      after: (approved) => ({ ...awardAuditView(approved), respondBy: approved.respondBy }),
    });
    await this.outbox.add(em, {
      recipientId: application.applicantId,
      type: 'award.offered',
      data: {
        awardId: id,
        reference: application.reference,
        applicationTitle: application.title,
        competitionTitle: competition.title,
        amount: after.amount.toString(),
        respondBy: after.respondBy!.toISOString(),
      },
      dedupeKey: `award.offered:${id}`,
    });
    return after;
  }

  /** The approver returns a proposal with a comment; it stays proposed for the proposer to change. */
  async sendBack(actorId: string, id: string, comment: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockIn(em, id, AWARD_TRANSITIONS.send_back.from);
      if (fourEyesProblem(before.proposedBy, actorId))
        throw new DomainError(E.FOUR_EYES, { proposedBy: before.proposedBy });
      if (!(await this.awards.sendBack(em, id, comment)))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      return this.audit.recordReloaded(em, {
        actorId,
        action: 'award.sent_back',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        reload: (tx) => this.awards.find(id, tx),
        after: (after) => ({ ...awardAuditView(after), comment }),
      });
    });
  }

  /** Cancelling with a reason: what the award still holds (committed and not paid) returns to the budget and its envelopes. */
  async cancel(actorId: string, id: string, reason: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockIn(em, id, AWARD_TRANSITIONS.cancel.from);
      await this.release(em, before, actorId, 'award cancelled');
      if (!(await this.awards.transition(em, id, AWARD_TRANSITIONS.cancel.from, 'cancelled', { reason })))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      return this.audit.recordReloaded(em, {
        actorId,
        action: 'award.cancelled',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        reload: (tx) => this.awards.find(id, tx),
        after: (after) => ({ ...awardAuditView(after), reason }),
      });
    });
  }

  /** Returns to the budget what a committed award still owes; a proposal holds nothing. */
  async release(em: EntityManager, award: Award, actorId: string | null, reference: string): Promise<void> {
    if (award.status === 'proposed') return;
    const owed = await this.ledger.awardBalance(em, award.id);
    if (owed > 0n) {
      await this.ledger.post(em, {
        competitionId: award.competitionId,
        movement: 'release',
        amount: owed,
        awardId: award.id,
        reference,
        actorId,
      });
      await this.allocations.moveEnvelopes(em, award.competitionId, award.applicationId, -owed);
    }
  }

  async lockIn(em: EntityManager, id: string, from: readonly Award['status'][]): Promise<Award> {
    const award = await this.awards.lock(em, id);
    if (!award) throw new DomainError(E.AWARD_NOT_FOUND);
    if (!from.includes(award.status)) throw new DomainError(E.WRONG_STATUS, { status: award.status });
    return award;
  }
}
