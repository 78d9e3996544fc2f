/**
 * The variables each mail message type gives its templates, as the templates see them: dates as
 * Date, money as bigint minor units, text already in the recipient's language. message-types.ts
 * ties each type to its interface here and checks the names against its variable lists.
 */

export interface AccountRegisteredVariables {
  fullName: string;
  confirmUrl: string;
  expiresAt: Date;
}

export interface PasswordResetVariables {
  fullName: string;
  resetUrl: string;
  expiresAt: Date;
}

/** The invitation to choose a password: the password-reset link, in a mail that says why. */
export type AccountInvitedVariables = PasswordResetVariables;

export interface CompetitionOpenedVariables {
  fullName: string;
  competitionTitle: string;
  villageName: string;
  opensAt: Date;
  closesAt: Date;
  /** Minor units (tiyn). */
  minAward: bigint;
  /** Minor units (tiyn). */
  maxAward: bigint;
  competitionUrl: string;
}

export interface ApplicationSubmittedVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  villageName: string;
  /** Minor units (tiyn). */
  requestedAmount: bigint;
  /** Minor units (tiyn). */
  ownContribution: bigint;
  submittedAt: Date;
  applicationUrl: string;
}

export interface ApplicationIneligibleVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  /** The reason, in the recipient's language. */
  reasonText: string;
  /** The manager's note; may be empty. */
  note: string;
}

export interface ApplicationReturnedVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  /** The manager's message: what to change. */
  message: string;
  answerBy: Date;
  applicationUrl: string;
}

export interface ApplicationReturnLapsedVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  answerBy: Date;
  applicationUrl: string;
}

export interface DraftReminderVariables {
  fullName: string;
  /** May be empty for an untitled draft. */
  applicationTitle: string;
  competitionTitle: string;
  closesAt: Date;
  applicationUrl: string;
}

export interface ReviewAssignedVariables {
  fullName: string;
  competitionTitle: string;
  roundName: string;
  /** How many applications the juror has been assigned in the round. */
  count: number;
  deadline: Date;
  workspaceUrl: string;
}

export interface ReviewDeadlineReminderVariables {
  fullName: string;
  competitionTitle: string;
  roundName: string;
  /** How many of the juror's scoresheets are not finished yet. */
  unfinished: number;
  deadline: Date;
  workspaceUrl: string;
}

export interface RoundResultsVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  roundName: string;
  /** Whether the application goes on past this round. */
  advanced: boolean;
  /**
   * Rounded to one decimal, as a decimal string with a point ("72.4"); templates print it with the
   * `score` helper in the reader's language, beside its scale of 100. Empty when the application
   * received too few scores to be ranked.
   */
  officialScore: string;
  resultsUrl: string;
}

export interface AwardOfferedVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  /** Minor units (tiyn). */
  amount: bigint;
  respondBy: Date;
  awardUrl: string;
}

export interface NotAwardedVariables {
  fullName: string;
  reference: string;
  applicationTitle: string;
  competitionTitle: string;
  applicationUrl: string;
}

/** What every tranche mail names: the award (by its application's reference) and the tranche. */
interface TrancheMailVariables {
  fullName: string;
  reference: string;
  competitionTitle: string;
  /** The tranche's position in the award's schedule, from 1. */
  trancheNumber: number;
  /** What releases the tranche (signing, a milestone), as the programme wrote it. */
  trancheLabel: string;
  awardUrl: string;
}

export interface TrancheApprovedVariables extends TrancheMailVariables {
  /** Minor units (tiyn). */
  amount: bigint;
}

export interface PaymentRecordedVariables extends TrancheMailVariables {
  /** Minor units (tiyn). */
  amount: bigint;
  bankReference: string;
  /** A calendar date: print it with dateOnly. */
  paidOn: Date;
}

export interface ReportReturnedVariables extends TrancheMailVariables {
  /** The manager's comment on what to change. */
  comment: string;
}

export interface ReportReminderVariables extends TrancheMailVariables {
  dueAt: Date;
}

/** Counts of what waits for a member of staff; a kind that is not theirs is 0 (the templates leave it out). */
export interface StaffTasksDigestVariables {
  fullName: string;
  approvals: number;
  reports: number;
  screening: number;
  answered: number;
  failedRuns: number;
  conflicts: number;
  scoring: number;
  payments: number;
  manageUrl: string;
  reviewsUrl: string;
  financeUrl: string;
}
