import type { AwardStatus, TrancheStatus } from '../../modules/awards/domain/award-status';
import type { ReportStatus } from '../../modules/awards/entities/milestone-report.entity';
import { ContentText } from '../i18n/content';

/** One tranche as the grantee reads it: what it pays, on what condition, where it stands. */
export interface GranteeTranche {
  id: string;
  position: number;
  label: ContentText;
  reportRequired: boolean;
  amount: bigint;
  status: TrancheStatus;
  /** When its milestone report is due (set once the award is accepted). */
  dueAt: Date | null;
  /** A milestone report can be sent for it now. */
  canReport: boolean;
}

export interface GranteePayment {
  id: string;
  trancheId: string;
  amount: bigint;
  /** The day the money was sent, YYYY-MM-DD. */
  paidOn: string;
  failed: boolean;
}

export interface GranteeReport {
  id: string;
  trancheId: string;
  status: ReportStatus;
  submittedAt: Date;
  jobsCreated: number;
  /** The manager's comment when it was returned. */
  reviewComment: string | null;
}

/** Everything the award page shows, as plain data. */
export interface GranteeAward {
  id: string;
  applicationId: string;
  reference: string;
  applicationTitle: string;
  amount: bigint;
  status: AwardStatus;
  /** Accept or decline by then (while the offer is open). */
  respondBy: Date | null;
  respondedAt: Date | null;
  /** Why it was declined or cancelled. */
  reason: string | null;
  tranches: GranteeTranche[];
  payments: GranteePayment[];
  reports: GranteeReport[];
}

/** A line of the application's budget that a report's spending is set against. */
export interface ReportBudgetLine {
  category: string;
  description: string;
  amount: bigint;
}

/** A file already on the award that a report being written will carry. */
export interface KeptFile {
  id: string;
  name: string;
}
