import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { LedgerService } from '../ledger/ledger.service';
import { Outbox } from '../notifications/outbox.service';
import { AllocationService } from './allocation.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { AWARD_TRANSITIONS, awardAmountProblem, fourEyesProblem } from './domain/award-status';
import { splitAward } from './domain/tranches';
import { Award } from './entities/award.entity';

export interface ProposalItem {
  applicationId: string;
  amount: bigint;
}

/** What an award is audited as: amounts as strings, no personal data. */
export const awardAuditView = (a: Award) => ({
  status: a.status,
  amount: a.amount.toString(),
  applicationId: a.applicationId,
  rank: a.rank,
});

/**
 * A manager's decisions on awards: propose (from the allocation, or chosen amounts), adjust,
 * approve (four eyes; commits the money in the ledger and the envelopes in the same transaction,
 * so the budget and every envelope hold under any race: rule 7), send back, cancel.
 */
@Injectable()
export class AwardDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly allocation: AllocationService,
    private readonly ledger: LedgerService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  /**
   * Without items, proposes every application the allocation funds that holds no award yet, at the
   * allocated amount. With items, those applications at those amounts. Proposals of one competition
   * are made one at a time (the competition row is locked), so two managers never propose the same.
   */
  async propose(actorId: string, competitionId: string, items: ProposalItem[] | undefined): Promise<Award[]> {
    return this.dataSource.transaction(async (em) => {
      const a = await this.allocation.compute(competitionId, em, true);
      if (a.competition.status !== 'closed')
        throw new DomainError(E.NOT_READY, { competitionStatus: a.competition.status });
      const rowOf = new Map(a.rows.map((r) => [r.applicationId, r]));
      const decisionOf = new Map(a.decisions.map((d) => [d.applicationId, d]));
      const chosen =
        items ??
        a.decisions
          .filter((d) => d.amount > 0n && rowOf.get(d.applicationId)!.liveAwardId === null)
          .map((d) => ({ applicationId: d.applicationId, amount: d.amount }));
      if (chosen.length === 0) throw new DomainError(E.NOTHING_TO_PROPOSE);
      const problems = chosen.flatMap((item, i) => {
        const row = rowOf.get(item.applicationId);
        const listed = decisionOf.get(item.applicationId);
        if (
          !row ||
          row.liveAwardId !== null ||
          !listed ||
          listed.reason === 'below_gate' ||
          !['funded', 'funded_partially', 'floor', 'budget_exhausted', 'envelope_full', 'tie_lost_by_lot'].includes(
            listed.reason,
          )
        ) {
          return [
            {
              field: `items.${i}.applicationId`,
              problems: [`not a candidate: ${listed?.reason ?? 'not in the final round'}`],
            },
          ];
        }
        const problem = awardAmountProblem(item.amount, row.requested, a.competition.maxAward);
        return problem ? [{ field: `items.${i}.amount`, problems: [problem] }] : [];
      });
      if (problems.some((p) => p.field.endsWith('applicationId')))
        throw new DomainError(E.NOT_A_CANDIDATE, { fields: problems });
      if (problems.length) throw new DomainError(E.INVALID_AMOUNT, { fields: problems });
      const created: Award[] = [];
      for (const item of chosen) {
        const row = rowOf.get(item.applicationId)!;
        const id = await this.awards.insertAward(em, {
          competitionId,
          applicationId: item.applicationId,
          roundId: a.round.id,
          rank: row.rank,
          amount: item.amount,
          requested: row.requested,
          proposedBy: actorId,
        });
        await this.writeSchedule(em, id, item.amount, a.competition.awardRules.trancheTemplate);
        const award = (await this.awards.find(id, em))!;
        await this.audit.record(em, {
          actorId,
          action: 'award.proposed',
          entityType: 'award',
          entityId: id,
          after: awardAuditView(award),
        });
        created.push(award);
      }
      return created;
    });
  }

  /** A proposal's amount changes (within the request and the maximum); its schedule is split again from the template. */
  async adjust(actorId: string, id: string, amount: bigint): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockIn(em, id, ['proposed']);
      const competition = (await this.awards.competition(em, before.competitionId))!;
      const problem = awardAmountProblem(amount, before.requested, competition.maxAward);
      if (problem) throw new DomainError(E.INVALID_AMOUNT, { fields: [{ field: 'amount', problems: [problem] }] });
      if (!(await this.awards.setAmount(em, id, amount)))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      await this.writeSchedule(em, id, amount, competition.awardRules.trancheTemplate);
      const after = (await this.awards.find(id, em))!;
      await this.audit.record(em, {
        actorId,
        action: 'award.adjusted',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        after: awardAuditView(after),
      });
      return after;
    });
  }

  /**
   * Four eyes (rule 9), then the commitment: the ledger's budget account and the envelopes refuse,
   * by CHECK constraints on rows every approval locks, any approval that would overrun them.
   */
  async approve(actorId: string, id: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockIn(em, id, AWARD_TRANSITIONS.approve.from);
      const fourEyes = fourEyesProblem(before.proposedBy, actorId);
      if (fourEyes) throw new DomainError(E.FOUR_EYES, { proposedBy: before.proposedBy });
      const competition = (await this.awards.competition(em, before.competitionId))!;
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
      await this.awards.moveEnvelopes(em, before.competitionId, before.applicationId, before.amount);
      if (!(await this.awards.approve(em, id, actorId, competition.awardRules.acceptanceDays)))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      const after = (await this.awards.find(id, em))!;
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
      await this.audit.record(em, {
        actorId,
        action: 'award.approved',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        after: { ...awardAuditView(after), respondBy: after.respondBy },
      });
      return after;
    });
  }

  /** The approver returns a proposal with a comment; it stays proposed for the proposer to change. */
  async sendBack(actorId: string, id: string, comment: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockIn(em, id, AWARD_TRANSITIONS.send_back.from);
      if (fourEyesProblem(before.proposedBy, actorId))
        throw new DomainError(E.FOUR_EYES, { proposedBy: before.proposedBy });
      if (!(await this.awards.sendBack(em, id, comment)))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      const after = (await this.awards.find(id, em))!;
      await this.audit.record(em, {
        actorId,
        action: 'award.sent_back',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        after: { ...awardAuditView(after), comment },
      });
      return after;
    });
  }

  /** Cancelling with a reason: what the award still holds (committed and not paid) returns to the budget and its envelopes. */
  async cancel(actorId: string, id: string, reason: string): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockIn(em, id, AWARD_TRANSITIONS.cancel.from);
      await this.release(em, before, actorId, 'award cancelled');
      if (!(await this.awards.transition(em, id, AWARD_TRANSITIONS.cancel.from, 'cancelled', { reason })))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      const after = (await this.awards.find(id, em))!;
      await this.audit.record(em, {
        actorId,
        action: 'award.cancelled',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        after: { ...awardAuditView(after), reason },
      });
      return after;
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
      await this.awards.moveEnvelopes(em, award.competitionId, award.applicationId, -owed);
    }
  }

  async lockIn(em: EntityManager, id: string, from: readonly Award['status'][]): Promise<Award> {
    const award = await this.awards.lock(em, id);
    if (!award) throw new DomainError(E.AWARD_NOT_FOUND);
    if (!from.includes(award.status)) throw new DomainError(E.WRONG_STATUS, { status: award.status });
    return award;
  }

  private async writeSchedule(
    em: EntityManager,
    awardId: string,
    amount: bigint,
    template: { label: string; shareBp: number; reportRequired: boolean; dueDays: number | null }[],
  ): Promise<void> {
    const amounts = splitAward(amount, template);
    // An award smaller than its number of tranches leaves some empty: they are left out, not kept at zero.
    const parts = template.map((t, i) => ({ ...t, amount: amounts[i] })).filter((t) => t.amount > 0n);
    await this.awards.replaceTranches(
      em,
      awardId,
      parts.map((t, i) => ({
        position: i + 1,
        label: t.label,
        reportRequired: t.reportRequired,
        dueDays: t.dueDays,
        amount: t.amount,
      })),
    );
  }
}
