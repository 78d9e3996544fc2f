import type { ContentText } from '../i18n/content';

/** What the public pages show, as plain data: the reads below turn service answers into these. */

export interface PlaceOption {
  id: string;
  name: ContentText;
}

export interface CompetitionSummary {
  id: string;
  title: ContentText;
  description: ContentText;
  closesAt: Date;
  minAward: bigint;
  maxAward: bigint;
}

/** The region, district and village a visitor picked, with the choices at each step. */
export interface VillageFinder {
  regions: PlaceOption[];
  districts: PlaceOption[];
  villages: PlaceOption[];
  regionId?: string;
  districtId?: string;
  villageId?: string;
  /** The picked village's name and its open competitions, once one is picked. */
  village: { id: string; name: ContentText; competitions: CompetitionSummary[] } | null;
}

export interface GoalView {
  id: string;
  code: string;
  title: ContentText;
  description: ContentText;
}

export interface PlanView {
  id: string;
  title: ContentText;
  version: number;
  periodStart: number;
  periodEnd: number;
  adoptedAt: Date | null;
  goals: GoalView[];
}

export interface EligibleVillage {
  id: string;
  name: ContentText;
  district: ContentText;
  region: ContentText;
  plan: PlanView | null;
}

export interface TrancheRule {
  label: ContentText;
  shareBp: number;
  reportRequired: boolean;
  dueDays: number | null;
}

export interface CriterionView {
  code: string;
  title: ContentText;
  description?: ContentText;
  weight: number;
  max: number;
  min?: number;
  descriptors: ContentText[];
}

export interface RoundView {
  id: string;
  name: ContentText;
  status: string;
  deadline: Date;
  seed: string | null;
  criteria: CriterionView[];
  /** The method's parts as published; a part a round left out is not shown. */
  priorityCriterion?: string;
  jurorsPerApplication?: number;
  quorum?: number;
  calibratedDecisive?: boolean;
  advancement?: { kind: 'top'; n: number } | { kind: 'cutoff'; score: number } | { kind: 'budget'; multiple: number };
  blind?: boolean;
  rankingDescription: string;
  results: RoundResultView[] | null;
}

export interface RoundResultView {
  reference: string;
  scoresheets: number;
  official: number | null;
  calibrated: number | null;
  rank: number | null;
  advanced: boolean;
  reason: string;
}

export interface AllocationView {
  budget: bigint;
  committed: bigint;
  remaining: bigint;
  decisions: {
    reference: string;
    rank: number | null;
    village: ContentText;
    requested: bigint;
    amount: bigint;
    reason: string;
  }[];
}

export interface CompetitionView {
  id: string;
  code: string;
  title: ContentText;
  description: ContentText;
  status: string;
  budget: bigint;
  minAward: bigint;
  maxAward: bigint;
  minOwnShareBp: number;
  maxApplicationsPerApplicant: number;
  opensAt: Date;
  closesAt: Date;
  tranches: TrancheRule[];
  partialMinShareBp: number | null;
  villages: EligibleVillage[];
  rounds: RoundView[];
  allocation: AllocationView | null;
}

export interface GrantView {
  id: string;
  recipient: string;
  competition: { id: string; title: ContentText };
  status: string;
  sector: string;
  region: ContentText;
  district: ContentText;
  village: { id: string; name: ContentText };
  goals: { code: string; title: ContentText }[];
  awarded: bigint;
  disbursed: bigint;
  awardedAt: Date;
  tranches: number;
  tranchesPaid: number;
  reportsApproved: number;
  jobsCreated: number | null;
}

export interface VillageView {
  id: string;
  name: ContentText;
  district: ContentText;
  region: ContentText;
  plan: PlanView | null;
  grants: GrantView[];
  grantsTotal: number;
  competitions: CompetitionSummary[];
}

export interface SummaryRow {
  id: string;
  name: ContentText;
  grants: number;
  awarded: bigint;
  disbursed: bigint;
}

export interface OpenDataView {
  filter: {
    competitionId?: string;
    regionId?: string;
    districtId?: string;
    villageId?: string;
    goalId?: string;
  };
  choices: {
    competitions: PlaceOption[];
    regions: PlaceOption[];
    districts: PlaceOption[];
    villages: PlaceOption[];
    goals: { id: string; code: string; title: ContentText }[];
  };
  figures: {
    competitions: number;
    openCompetitions: number;
    applicationsSubmitted: number;
    villagesWithGrants: number;
    districtsWithGrants: number;
    grants: number;
    budget: bigint;
    awarded: bigint;
    disbursed: bigint;
  };
  /** Grants by the place one level below the filter (regions, then districts, then villages). */
  byPlace: { level: 'region' | 'district' | 'village'; rows: SummaryRow[] };
  byGoal: SummaryRow[];
  grants: GrantView[];
  grantsTotal: number;
  page: number;
  pageSize: number;
  /** Competitions whose grants can be downloaded as a 360Giving package. */
  downloads: PlaceOption[];
}
