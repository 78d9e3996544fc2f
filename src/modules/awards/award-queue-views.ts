import type { LocalizedText } from '../../common/i18n/localized-text';
import type { ReportSpending, ReportStatus } from './entities/milestone-report.entity';

// What the managers' work queues read (AwardQueuesQueryService), as plain types the pages may import.

/** A proposal another manager made, waiting for a second manager's decision (rule 9). */
export interface ProposalAwaiting {
  awardId: string;
  competitionId: string;
  competitionTitle: LocalizedText;
  reference: string;
  applicationTitle: string;
  rank: number | null;
  amount: bigint;
  requested: bigint;
  proposedByName: string;
  proposedAt: Date;
  /** The comment of an earlier send-back, if any. */
  comment: string | null;
}

/** A milestone report waiting for a manager's review. */
export interface ReportAwaiting {
  reportId: string;
  awardId: string;
  competitionTitle: LocalizedText;
  reference: string;
  applicationTitle: string;
  trancheLabel: LocalizedText;
  tranchePosition: number;
  trancheAmount: bigint;
  jobsCreated: number;
  submittedAt: Date;
}

/** One milestone report with what reviewing it needs: the award, the tranche and the application's budget. */
export interface ReportForReview extends ReportAwaiting {
  body: string;
  status: ReportStatus;
  spending: ReportSpending[];
  files: { id: string; name: string; size: number }[];
  budgetLines: { category: string; description: string; amount: bigint }[];
  reviewComment: string | null;
  reviewedAt: Date | null;
}

/** An approved tranche waiting for a finance officer to record its payment. */
export interface TrancheToPay {
  trancheId: string;
  awardId: string;
  competitionTitle: LocalizedText;
  reference: string;
  /** The grantee: the applicant whose application holds the award. */
  granteeName: string;
  trancheLabel: LocalizedText;
  tranchePosition: number;
  amount: bigint;
  /** When the tranche was approved (on signing, or with its milestone report). */
  approvedAt: Date;
  /** Who approved it: that person may not record its payment (four eyes). */
  approvedBy: string | null;
  /** `approved` while it waits; otherwise what it has become meanwhile (paid, say). */
  status: string;
}
