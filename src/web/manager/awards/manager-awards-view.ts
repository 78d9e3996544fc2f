import type { LocalizedText } from '../../../common/i18n/localized-text';
import type { AwardStatus, TrancheStatus } from '../../../modules/awards/domain/award-status';
import type { ListReason } from '../../../modules/awards/domain/published-allocation';
import type { ReportStatus } from '../../../modules/awards/entities/milestone-report.entity';

/** One application of the final ranking as the allocation page shows it. */
export interface AllocationRow {
  applicationId: string;
  reference: string;
  rank: number | null;
  score: number | null;
  requested: bigint;
  /** The most an award may be: the request, capped by the competition's maximum. */
  cap: bigint;
  districtId: string;
  villageId: string;
  villageName: LocalizedText;
  reason: ListReason;
  /** What the allocation helper gives it (0n: nothing). */
  suggested: bigint;
  /** Its live award, if it has one. */
  award: { id: string; status: AwardStatus; amount: bigint } | null;
  /** What its awards hold already (a live award its amount, a cancelled one what was paid). */
  holds: bigint;
  /** It may be proposed now: it qualifies and holds no award. */
  candidate: boolean;
}

export interface AllocationEnvelopeView {
  kind: 'district' | 'village';
  id: string;
  name: LocalizedText;
  limit: bigint;
  /** What awards and open proposals hold in it already. */
  held: bigint;
}

export interface AwardListItem {
  id: string;
  reference: string;
  applicationTitle: string;
  rank: number | null;
  amount: bigint;
  status: AwardStatus;
}

export interface AllocationView {
  competitionId: string;
  competitionTitle: LocalizedText;
  /** Proposals are made only while the competition is closed (not yet finalized). */
  canPropose: boolean;
  budget: bigint;
  /** What awards and open proposals hold of the budget. */
  held: bigint;
  partialMinShareBp: number | null;
  envelopes: AllocationEnvelopeView[];
  rows: AllocationRow[];
  awards: AwardListItem[];
}

export interface ManagerTranche {
  id: string;
  position: number;
  label: LocalizedText;
  reportRequired: boolean;
  amount: bigint;
  status: TrancheStatus;
}

export interface ManagerAward {
  id: string;
  competitionId: string;
  reference: string;
  applicationTitle: string;
  rank: number | null;
  amount: bigint;
  requested: bigint;
  status: AwardStatus;
  respondBy: Date | null;
  respondedAt: Date | null;
  comment: string | null;
  reason: string | null;
  tranches: ManagerTranche[];
  scheduleEditable: boolean;
  cancellable: boolean;
  payments: { id: string; trancheId: string; amount: bigint; paidOn: string; failed: boolean }[];
  reports: { id: string; trancheId: string; status: ReportStatus; submittedAt: Date }[];
  history: { action: string; at: Date; note: string | null }[];
}
