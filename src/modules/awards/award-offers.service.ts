import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationStatusService } from '../applications/application-status.service';
import { AuditService } from '../audit/audit.service';
import { AwardDecisionsService, awardAuditView } from './award-decisions.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { AWARD_TRANSITIONS } from './domain/award-status';
import { Award } from './entities/award.entity';
import { Tranche } from './entities/tranche.entity';
import { GranteeMail } from './grantee-mail';
import { TranchesRepository } from './tranches.repository';

/**
 * The applicant's answer to an approved award: accept before the deadline (the application becomes
 * `awarded`, tranches released on signing are approved, report due dates are set) or decline (the
 * money returns to the budget and its envelopes, for the next in line). Offers past their deadline
 * lapse on the worker's schedule, as a decline by the system.
 */
@Injectable()
export class AwardOffersService {
  private readonly logger = new Logger(AwardOffersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly tranches: TranchesRepository,
    private readonly applicationStatus: ApplicationStatusService,
    private readonly decisions: AwardDecisionsService,
    private readonly mail: GranteeMail,
    private readonly audit: AuditService,
  ) {}

  async accept(actor: AuthUser, id: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockOwn(em, actor, id);
      if (before.status !== 'approved') throw new DomainError(E.WRONG_STATUS, { status: before.status });
      if (!(await this.awards.accept(em, id))) throw new DomainError(E.OFFER_EXPIRED, { respondBy: before.respondBy });
      await this.applicationStatus.move(em, {
        applicationId: before.applicationId,
        move: 'award',
        actorId: actor.id,
        reason: 'award accepted',
      });
      const tranches = await this.tranches.startSchedule(em, id, before.approvedBy!);
      await this.tellTranchesApproved(
        em,
        before,
        tranches.filter((t) => t.status === 'approved'),
      );
      return this.audit.recordReloaded(em, {
        actorId: actor.id,
        action: 'award.accepted',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        reload: (tx) => this.awards.find(id, tx),
        after: awardAuditView,
      });
    });
  }

  async decline(actor: AuthUser, id: string, reason: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockOwn(em, actor, id);
      return this.close(em, before, actor.id, reason);
    });
  }

  /** The worker's schedule: every offer past its deadline lapses, each in its own transaction. */
  async expireDue(limit = 500): Promise<number> {
    let expired = 0;
    for (const id of await this.awards.expiredOffers(limit)) {
      const done = await this.dataSource.transaction(async (em) => {
        const award = await this.awards.lock(em, id);
        // respondBy is set once, at approval: a row found past it and still approved under the lock has lapsed.
        if (!award || award.status !== 'approved') return false;
        await this.close(em, award, null, 'the time to accept passed');
        return true;
      });
      if (done) expired++;
    }
    if (expired) this.logger.log({ expired }, 'Award offers lapsed');
    return expired;
  }

  /** Tells the grantee which tranches are approved for payment. */
  async tellTranchesApproved(em: EntityManager, award: Award, tranches: Tranche[]): Promise<void> {
    await this.mail.aboutTranches(
      em,
      award.id,
      'tranche.approved',
      tranches.map((t) => ({
        tranche: t,
        data: { amount: t.amount.toString() },
        dedupeKey: `tranche.approved:${t.id}`,
      })),
    );
  }

  private async close(em: EntityManager, before: Award, actorId: string | null, reason: string): Promise<Award> {
    const { from, to } = AWARD_TRANSITIONS.decline;
    if (!from.includes(before.status)) throw new DomainError(E.WRONG_STATUS, { status: before.status });
    await this.decisions.release(em, before, actorId, actorId ? 'award declined' : 'award offer lapsed');
    if (!(await this.awards.decline(em, before.id, from, to, reason)))
      throw new DomainError(E.WRONG_STATUS, { status: before.status });
    return this.audit.recordReloaded(em, {
      actorId,
      action: actorId ? 'award.declined' : 'award.lapsed',
      entityType: 'award',
      entityId: before.id,
      before: awardAuditView(before),
      reload: (tx) => this.awards.find(before.id, tx),
      after: (after) => ({ ...awardAuditView(after), reason }),
    });
  }

  /** Only the applicant of the award's application answers it; anyone else is told it does not exist. */
  private async lockOwn(em: EntityManager, actor: AuthUser, id: string): Promise<Award> {
    const award = await this.awards.lock(em, id);
    if (!award || award.status === 'proposed') throw new DomainError(E.AWARD_NOT_FOUND);
    const application = await this.awards.applicationOf(em, award.applicationId);
    if (application.applicantId !== actor.id) throw new DomainError(E.AWARD_NOT_FOUND);
    return award;
  }
}
