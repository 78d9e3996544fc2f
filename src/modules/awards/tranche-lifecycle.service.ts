import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { awardAuditView } from './award-decisions.service';
import { AwardsRepository } from './awards.repository';
import { AWARD_TRANSITIONS, AwardStatus, awardStepsAfterPayment, TRANCHE_TRANSITIONS } from './domain/award-status';
import { Award } from './entities/award.entity';
import { Tranche } from './entities/tranche.entity';
import { MilestoneReportsRepository } from './milestone-reports.repository';

/** A tranche and its award, both locked in the caller's transaction. */
export interface LockedTranche {
  award: Award;
  tranche: Tranche;
}

/** The caller's errors for a compare-and-set that finds the tranche, or its award, moved by someone else. */
export interface MoveConflicts {
  trancheMoved: ErrorSpec;
  awardMoved: ErrorSpec;
}

/**
 * The tranche lifecycle as disbursements drive it (DESIGN.md section 3): an approved tranche is
 * paid, and a failed transfer returns it to approved. The awards module owns tranches and awards:
 * their rows, their transition tables and the award's audit trail. The caller holds the
 * transaction, locks through here (the award first, then the tranche, as every use case of an
 * award does, so a payment waits behind a cancellation rather than racing it) and checks its own
 * rules before it moves anything.
 */
@Injectable()
export class TrancheLifecycleService {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly tranches: MilestoneReportsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The award of a tranche, read without a lock (lock the award next); null when there is no such tranche. */
  async awardOfTranche(em: EntityManager, trancheId: string): Promise<string | null> {
    return this.tranches.awardOfTranche(em, trancheId);
  }

  async lockAward(em: EntityManager, awardId: string): Promise<Award | null> {
    return this.awards.lock(em, awardId);
  }

  /** Locks a tranche whose award the caller has locked already. */
  async lockTranche(em: EntityManager, trancheId: string): Promise<Tranche | null> {
    return this.tranches.lockTranche(em, trancheId);
  }

  /**
   * A payment of the tranche was recorded: approved -> paid, then its award moves on (active on the
   * first payment, completed once every tranche is paid), with the award's audit event.
   */
  async markPaid(
    em: EntityManager,
    actorId: string,
    { award, tranche }: LockedTranche,
    conflicts: MoveConflicts,
  ): Promise<void> {
    const { from, to } = TRANCHE_TRANSITIONS.pay;
    if (!(await this.tranches.settleTranche(em, tranche.id, from, to)))
      throw new DomainError(conflicts.trancheMoved, { status: tranche.status });
    let status = award.status;
    for (const step of awardStepsAfterPayment(award.status, await this.tranches.everyTranchePaid(em, award.id))) {
      const move = AWARD_TRANSITIONS[step];
      if (!(await this.awards.transition(em, award.id, move.from, move.to)))
        throw new DomainError(conflicts.awardMoved, { status });
      status = move.to;
    }
    await this.recordAwardMove(
      em,
      actorId,
      award,
      status,
      status === 'completed' ? 'award.completed' : 'award.activated',
    );
  }

  /** A transfer of the tranche failed: paid -> approved, and a completed award is active again, with its audit event. */
  async returnToApproved(
    em: EntityManager,
    actorId: string,
    { award, tranche }: LockedTranche,
    conflicts: MoveConflicts,
  ): Promise<void> {
    const { from, to } = TRANCHE_TRANSITIONS.payment_failed;
    if (!(await this.tranches.settleTranche(em, tranche.id, from, to)))
      throw new DomainError(conflicts.trancheMoved, { status: tranche.status });
    let status = award.status;
    const reopen = AWARD_TRANSITIONS.reopen;
    if (reopen.from.includes(status)) {
      if (!(await this.awards.transition(em, award.id, reopen.from, reopen.to)))
        throw new DomainError(conflicts.awardMoved, { status });
      status = reopen.to;
    }
    await this.recordAwardMove(em, actorId, award, status, 'award.reopened');
  }

  /** Rule 10: the award's own change of status (active, completed, active again) in its trail too. */
  private async recordAwardMove(
    em: EntityManager,
    actorId: string,
    before: Award,
    status: AwardStatus,
    action: AuditAction,
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
