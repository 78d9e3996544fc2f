import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { AllocationRepository } from './allocation.repository';
import { AllocationService, asAllocationEnvelopes } from './allocation.service';
import { awardAuditView, AwardDecisionsService } from './award-decisions.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { awardAmountProblem } from './domain/award-status';
import { BudgetCaps, Holding, proposalOverrun } from './domain/proposal-budget';
import { ListReason } from './domain/published-allocation';
import { splitAward } from './domain/tranches';
import { Award } from './entities/award.entity';
import { TranchesRepository } from './tranches.repository';

export interface ProposalItem {
  applicationId: string;
  amount: bigint;
}

/** What the allocation funds (a row out of it may still show what its award holds, such as a cancelled one). */
const FUNDED_REASONS: readonly ListReason[] = ['funded', 'funded_partially', 'floor'];
/** Who may be proposed: everyone the final list allocates, or would if the money allowed. */
const CANDIDATE_REASONS: readonly ListReason[] = [
  ...FUNDED_REASONS,
  'budget_exhausted',
  'envelope_full',
  'tie_lost_by_lot',
];

/**
 * A manager proposes awards (from the allocation, or chosen amounts) and changes a proposal's
 * amount. Both run under the competition's row lock, taken first, so proposals of one competition
 * are made one at a time: two managers never propose the same application, and what they propose
 * together always fits the budget and every envelope with what is held (DESIGN.md section 7).
 */
@Injectable()
export class AwardProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly tranches: TranchesRepository,
    private readonly allocations: AllocationRepository,
    private readonly allocation: AllocationService,
    private readonly decisions: AwardDecisionsService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Without items, proposes every application the allocation funds that holds no award yet, at the
   * allocated amount. With items, those applications at those amounts, if they fit. With an
   * idempotency key (a web form's one-time key), the same key and items again return the awards
   * the first request made instead of proposing anew: a form sent twice makes one set.
   */
  async propose(
    actorId: string,
    competitionId: string,
    items: ProposalItem[] | undefined,
    idempotencyKey?: string,
  ): Promise<Award[]> {
    return this.dataSource.transaction(async (em) => {
      if (idempotencyKey === undefined) return this.proposeIn(em, actorId, competitionId, items);
      let created: Award[] = [];
      const outcome = await this.idempotency.run(
        em,
        {
          actorId,
          key: { value: idempotencyKey, responseStatus: 201 },
          scope: `award.propose:${competitionId}`,
          body: { items: items?.map((i) => ({ applicationId: i.applicationId, amount: i.amount.toString() })) },
        },
        async () => {
          created = await this.proposeIn(em, actorId, competitionId, items);
          return created.map((award) => award.id);
        },
      );
      if (!outcome.replayed) return created;
      const again = await Promise.all(outcome.body.map((id) => this.awards.find(id, em)));
      return again.filter((award): award is Award => award !== null);
    });
  }

  private async proposeIn(
    em: EntityManager,
    actorId: string,
    competitionId: string,
    items: ProposalItem[] | undefined,
  ): Promise<Award[]> {
    const a = await this.allocation.compute(competitionId, em, true);
    if (a.competition.status !== 'closed')
      throw new DomainError(E.NOT_READY, { competitionStatus: a.competition.status });
    const rowOf = new Map(a.rows.map((r) => [r.applicationId, r]));
    const decisionOf = new Map(a.decisions.map((d) => [d.applicationId, d]));
    const chosen =
      items ??
      a.decisions
        .filter((d) => FUNDED_REASONS.includes(d.reason) && rowOf.get(d.applicationId)!.liveAwardId === null)
        .map((d) => ({ applicationId: d.applicationId, amount: d.amount }));
    if (chosen.length === 0) throw new DomainError(E.NOTHING_TO_PROPOSE);
    const problems = chosen.flatMap((item, i) => {
      const row = rowOf.get(item.applicationId);
      const listed = decisionOf.get(item.applicationId);
      if (!row || row.liveAwardId !== null || !listed || !CANDIDATE_REASONS.includes(listed.reason)) {
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
    await this.checkFits(
      em,
      competitionId,
      a.rules,
      chosen.map((item) => {
        const { districtId, villageId } = rowOf.get(item.applicationId)!;
        return { ...item, districtId, villageId };
      }),
      null,
    );
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
      created.push(
        await this.audit.recordReloaded(em, {
          actorId,
          action: 'award.proposed',
          entityType: 'award',
          entityId: id,
          reload: (tx) => this.awards.find(id, tx),
          after: awardAuditView,
        }),
      );
    }
    return created;
  }

  /** A proposal's amount changes (within the request, the maximum and the money left); its schedule is split again from the template. */
  async adjust(actorId: string, id: string, amount: bigint): Promise<Award> {
    return this.dataSource.transaction(async (em) => {
      const found = await this.awards.find(id, em);
      if (!found) throw new DomainError(E.AWARD_NOT_FOUND);
      // The competition's lock first, as proposing takes it, then the award's: two changes never wait on each other in a cycle.
      const competition = (await this.allocations.competition(em, found.competitionId, true))!;
      const before = await this.decisions.lockIn(em, id, ['proposed']);
      const problem = awardAmountProblem(amount, before.requested, competition.maxAward);
      if (problem) throw new DomainError(E.INVALID_AMOUNT, { fields: [{ field: 'amount', problems: [problem] }] });
      const envelopes = asAllocationEnvelopes(await this.allocations.envelopes(em, competition.id));
      const place = await this.allocations.placeOf(em, before.applicationId);
      await this.checkFits(
        em,
        competition.id,
        { budget: competition.budget, envelopes },
        [{ ...place, applicationId: before.applicationId, amount }],
        id,
      );
      if (!(await this.awards.setAmount(em, id, amount)))
        throw new DomainError(E.WRONG_STATUS, { status: before.status });
      await this.writeSchedule(em, id, amount, competition.awardRules.trancheTemplate);
      return this.audit.recordReloaded(em, {
        actorId,
        action: 'award.adjusted',
        entityType: 'award',
        entityId: id,
        before: awardAuditView(before),
        reload: (tx) => this.awards.find(id, tx),
        after: awardAuditView,
      });
    });
  }

  /** Refuses proposals that would not fit with what the competition's awards hold and ask for (all but `exceptAwardId`). */
  private async checkFits(
    em: EntityManager,
    competitionId: string,
    caps: BudgetCaps,
    proposals: (Holding & { applicationId: string })[],
    exceptAwardId: string | null,
  ): Promise<void> {
    const overrun = proposalOverrun(await this.allocations.holdings(em, competitionId, exceptAwardId), proposals, caps);
    if (!overrun) return;
    const inside = proposals.filter((p) =>
      overrun.envelope === 'budget'
        ? true
        : overrun.envelope === 'district'
          ? p.districtId === overrun.districtId
          : p.villageId === overrun.villageId,
    );
    throw new DomainError(E.PROPOSAL_EXCEEDS_BUDGET, {
      envelope: overrun.envelope,
      ...(overrun.districtId ? { districtId: overrun.districtId } : {}),
      ...(overrun.villageId ? { villageId: overrun.villageId } : {}),
      limit: overrun.limit.toString(),
      remaining: overrun.remaining.toString(),
      requested: overrun.requested.toString(),
      applicationIds: inside.map((p) => p.applicationId),
    });
  }

  private async writeSchedule(
    em: EntityManager,
    awardId: string,
    amount: bigint,
    template: { label: LocalizedText; shareBp: number; reportRequired: boolean; dueDays: number | null }[],
  ): Promise<void> {
    const amounts = splitAward(amount, template);
    // An award smaller than its number of tranches leaves some empty: they are left out, not kept at zero.
    const parts = template.map((t, i) => ({ ...t, amount: amounts[i] })).filter((t) => t.amount > 0n);
    await this.tranches.replaceTranches(
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
