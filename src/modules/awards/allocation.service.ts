import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AllocationRepository, AwardCompetition, FinalRound, RankedApplication } from './allocation.repository';
import { AwardErrors as E } from './awards.errors';
import { AllocationEnvelope, AllocationRules } from './domain/allocation';
import { ListedDecision, publishedAllocation } from './domain/published-allocation';

export interface CompetitionAllocation {
  competition: AwardCompetition;
  round: FinalRound;
  rules: AllocationRules;
  rows: RankedApplication[];
  decisions: ListedDecision[];
  committed: bigint;
  remaining: bigint;
}

/** A competition's envelope rows as the allocation rules take them. */
export const asAllocationEnvelopes = (
  rows: readonly { districtId: string | null; villageId: string | null; amount: bigint }[],
): AllocationEnvelope[] =>
  rows.map((e) =>
    e.districtId ? { districtId: e.districtId, amount: e.amount } : { villageId: e.villageId!, amount: e.amount },
  );

/**
 * The allocation helper over a competition's final ranking (DESIGN.md section 7): read in one
 * query, allocated by the pure rules, with awards already held kept first. Staff see it to propose;
 * the public sees the same list without names.
 */
@Injectable()
export class AllocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly allocations: AllocationRepository,
  ) {}

  async compute(
    competitionId: string,
    em: EntityManager = this.dataSource.manager,
    lockCompetition = false,
  ): Promise<CompetitionAllocation> {
    const competition = await this.allocations.competition(em, competitionId, lockCompetition);
    if (!competition) throw new DomainError(E.COMPETITION_NOT_FOUND);
    const round = await this.allocations.finalRound(em, competitionId);
    if (!['closed', 'finalized'].includes(competition.status) || round?.status !== 'finalized') {
      throw new DomainError(E.NOT_READY, {
        competitionStatus: competition.status,
        lastRoundStatus: round?.status ?? null,
      });
    }
    const rows = await this.allocations.rankedApplications(
      em,
      round.id,
      await this.allocations.roundPriorityCriterion(em, round.id),
    );
    const envelopes = await this.allocations.envelopes(em, competitionId);
    const r = competition.awardRules;
    const rules: AllocationRules = {
      budget: competition.budget,
      maxAward: competition.maxAward,
      envelopes: asAllocationEnvelopes(envelopes),
      floors: r.floors,
      partial: r.partialMinShareBp === null ? undefined : { minShareBp: r.partialMinShareBp },
    };
    const listed = publishedAllocation(
      rows.map((row) => ({ ...row, score: round.calibratedDecides ? row.calibrated : row.official })),
      rules,
    );
    return { competition, round, rules, rows, ...listed };
  }
}
