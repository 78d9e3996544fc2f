import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AllocationService } from '../../modules/awards/allocation.service';
import { AwardErrors } from '../../modules/awards/awards.errors';
import { AllocationDto } from '../../modules/awards/dto/allocation.dto';
import { CompetitionsService } from '../../modules/competitions/competitions.service';
import type { Competition } from '../../modules/competitions/entities/competition.entity';
import type { Village } from '../../modules/geography/entities/village.entity';
import { GeographyErrors } from '../../modules/geography/geography.errors';
import { GeographyService } from '../../modules/geography/geography.service';
import { GrantFilterDto, PublicGrantDto } from '../../modules/open-data/dto/open-data.dto';
import { OpenDataService } from '../../modules/open-data/open-data.service';
import type { DevelopmentPlan } from '../../modules/plans/entities/development-plan.entity';
import { PlansService } from '../../modules/plans/plans.service';
import { RANKING_METHOD } from '../../modules/reviews/domain/scoring/ranking-method';
import type { ReviewRound } from '../../modules/reviews/entities/review-round.entity';
import { ResultsService } from '../../modules/reviews/results.service';
import { RoundsService } from '../../modules/reviews/rounds.service';
import type { ContentText } from '../i18n/content';
import { unlessRefused } from './public-reads';
import {
  AllocationView,
  CompetitionSummary,
  CompetitionView,
  GrantView,
  PlaceOption,
  PlanView,
  RoundView,
  VillageFinder,
  VillageView,
} from './public-views';

const ALL = { limit: 1000, offset: 0 };
const VILLAGE_GRANTS = 200;

/**
 * The reads of the public pages, composed from the services the JSON API's public routes call
 * (no SQL here): each method answers one page with plain data.
 */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly geography: GeographyService,
    private readonly plans: PlansService,
    private readonly rounds: RoundsService,
    private readonly results: ResultsService,
    private readonly allocation: AllocationService,
    private readonly openData: OpenDataService,
  ) {}

  async openCompetitions(): Promise<CompetitionSummary[]> {
    const [open] = await this.competitions.listPublic('open', { limit: 50, offset: 0 });
    return open.map(summaryOf);
  }

  /**
   * Region, then district, then village. A village alone (a link from its page) fills in its
   * district and region; a village or district that no longer fits the step above it is dropped,
   * so changing the region starts the later steps again.
   */
  async villageFinder(picked: { region?: string; district?: string; village?: string }): Promise<VillageFinder> {
    const [place] = picked.village ? await this.geography.villagesWithPlaces([picked.village]) : [];
    const fits =
      place &&
      (!picked.region || place.district?.regionId === picked.region) &&
      (!picked.district || place.districtId === picked.district);
    const regionId = fits ? place.district?.regionId : picked.region;
    const [[regions], districts] = await Promise.all([
      this.geography.regions(ALL.limit, 0),
      regionId ? this.geography.districts(regionId, ALL.limit, 0).then(([rows]) => rows) : [],
    ]);
    const districtId = fits ? place.districtId : districts.find((d) => d.id === picked.district)?.id;
    const [villages] = districtId ? await this.geography.villages({ districtId, ...ALL }) : [[]];
    const [competitions] = fits ? await this.competitions.listOpenInVillage(place.id, { limit: 50, offset: 0 }) : [[]];
    return {
      regions: regions.map(optionOf),
      districts: districts.map(optionOf),
      villages: villages.map(optionOf),
      regionId: regions.some((r) => r.id === regionId) ? regionId : undefined,
      districtId,
      villageId: fits ? place.id : undefined,
      village: fits ? { id: place.id, name: place.name, competitions: competitions.map(summaryOf) } : null,
    };
  }

  /** A competition past drafting with its rules, villages and plans, rounds, results and allocation. */
  async competition(id: string): Promise<CompetitionView> {
    const competition = await this.competitions.getPublic(id);
    const villageIds = (competition.eligibleVillages ?? []).map((v) => v.villageId);
    const [villages, plans, [rounds]] = await Promise.all([
      this.geography.villagesWithPlaces(villageIds),
      this.plans.adoptedOfVillages(villageIds),
      this.rounds.list(id, true, 50, 0),
    ]);
    const planOf = new Map(plans.map((p) => [p.villageId, planViewOf(p)]));
    const roundViews = await Promise.all(rounds.map((round) => this.roundView(round)));
    const allocation = ['closed', 'finalized', 'archived'].includes(competition.status)
      ? await unlessRefused(this.allocation.compute(id), AwardErrors.NOT_READY)
      : null;
    return {
      ...summaryOf(competition),
      code: competition.code,
      status: competition.status,
      budget: competition.budget,
      minOwnShareBp: competition.minOwnShareBp,
      maxApplicationsPerApplicant: competition.maxApplicationsPerApplicant,
      opensAt: competition.opensAt,
      tranches: competition.awardRules.trancheTemplate.map((t) => ({
        label: t.label,
        shareBp: t.shareBp,
        reportRequired: t.reportRequired,
        dueDays: t.dueDays ?? null,
      })),
      partialMinShareBp: competition.awardRules.partialMinShareBp,
      villages: villages.map((v) => ({ ...placeOf(v), plan: planOf.get(v.id) ?? null })),
      rounds: roundViews,
      allocation: allocation && allocationViewOf(AllocationDto.from(allocation)),
    };
  }

  /** A village with its adopted plan, the grants awarded there and what it may apply to now. */
  async village(id: string): Promise<VillageView> {
    const [place] = await this.geography.villagesWithPlaces([id]);
    if (!place) throw new DomainError(GeographyErrors.VILLAGE_NOT_FOUND);
    const [[plan], grants, [competitions]] = await Promise.all([
      this.plans.adoptedOfVillages([id]),
      this.openData.grants({ villageId: id, limit: VILLAGE_GRANTS, offset: 0 } as GrantFilterDto),
      this.competitions.listOpenInVillage(id, { limit: 50, offset: 0 }),
    ]);
    return {
      ...placeOf(place),
      plan: plan ? planViewOf(plan) : null,
      grants: grants.items.map(grantViewOf),
      grantsTotal: grants.total,
      competitions: competitions.map(summaryOf),
    };
  }

  private async roundView(round: ReviewRound): Promise<RoundView> {
    const m = round.method;
    const results = round.status === 'finalized' ? await this.results.publicResults(round.id) : null;
    return {
      id: round.id,
      name: round.name,
      status: round.status,
      deadline: round.deadline,
      seed: round.seed,
      criteria: (m.criteria ?? []).map((c) => ({ ...c, descriptors: c.descriptors ?? [] })),
      priorityCriterion: m.priorityCriterion,
      jurorsPerApplication: m.jurorsPerApplication,
      quorum: m.quorum,
      calibratedDecisive: m.calibratedDecisive,
      advancement: m.advancement,
      blind: m.blind,
      rankingDescription: RANKING_METHOD.description,
      results:
        results?.items.map((r) => ({
          reference: r.reference,
          scoresheets: r.scoresheets,
          official: r.official,
          calibrated: r.calibrated,
          rank: r.rank,
          advanced: r.advanced,
          reason: r.reason,
        })) ?? null,
    };
  }
}

export function summaryOf(c: Competition): CompetitionSummary {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    closesAt: c.closesAt,
    minAward: c.minAward,
    maxAward: c.maxAward,
  };
}

export const optionOf = (place: { id: string; name: ContentText }): PlaceOption => ({ id: place.id, name: place.name });

function placeOf(v: Village) {
  return { id: v.id, name: v.name, district: v.district?.name, region: v.district?.region?.name };
}

function planViewOf(p: DevelopmentPlan): PlanView {
  return {
    id: p.id,
    title: p.title,
    version: p.version,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    adoptedAt: p.adoptedAt,
    goals: (p.goals ?? []).map((g) => ({ id: g.id, code: g.code, title: g.title, description: g.description })),
  };
}

function allocationViewOf(a: AllocationDto): AllocationView {
  return {
    budget: BigInt(a.rules.budget),
    committed: BigInt(a.committed),
    remaining: BigInt(a.remaining),
    decisions: a.decisions.map((d) => ({
      reference: d.reference,
      rank: d.rank,
      village: d.villageName,
      requested: BigInt(d.requested),
      amount: BigInt(d.amount),
      reason: d.reason,
    })),
  };
}

export function grantViewOf(g: PublicGrantDto): GrantView {
  return {
    id: g.id,
    recipient: g.recipient,
    competition: g.competition,
    status: g.status,
    sector: g.sector,
    region: g.region.name,
    district: g.district.name,
    village: g.village,
    goals: g.goals.map((goal) => ({ code: goal.code, title: goal.title })),
    awarded: BigInt(g.amountAwarded),
    disbursed: BigInt(g.amountDisbursed),
    awardedAt: new Date(g.awardedAt),
    tranches: g.tranches,
    tranchesPaid: g.tranchesPaid,
    reportsApproved: g.reportsApproved,
    jobsCreated: g.jobsCreated,
  };
}
