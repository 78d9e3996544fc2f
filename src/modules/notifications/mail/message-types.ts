import {
  AccountInvitedVariables,
  AccountRegisteredVariables,
  ApplicationIneligibleVariables,
  ApplicationReturnedVariables,
  ApplicationReturnLapsedVariables,
  ApplicationSubmittedVariables,
  AwardOfferedVariables,
  CompetitionOpenedVariables,
  DraftReminderVariables,
  NotAwardedVariables,
  PasswordResetVariables,
  PaymentRecordedVariables,
  ReportReminderVariables,
  ReportReturnedVariables,
  ReviewAssignedVariables,
  ReviewDeadlineReminderVariables,
  StaffTasksDigestVariables,
  RoundResultsVariables,
  TrancheApprovedVariables,
} from './template-variables';

/**
 * The mail message types and the variables each one gives its templates. Translators see the
 * same list in templates/mail/README.md; the template test fails when a template uses a
 * variable that is not listed here. `data` (and `optionalData`) name the fields of the outbox
 * row's data the sender turns into those variables: ids and display values, never contact data.
 * The outbox refuses a message whose data lacks one of `data` (or gives it as null) or carries a
 * field named in neither list.
 */
export const MESSAGE_TYPES = {
  'account.registered': {
    description: 'Welcome to Start Up, with a link to confirm the email address before it expires',
    variables: ['fullName', 'confirmUrl', 'expiresAt'],
    data: ['tokenId', 'expiresAt'],
  },
  'password.reset': {
    description: 'A single-use link to choose a new password, valid until it expires',
    variables: ['fullName', 'resetUrl', 'expiresAt'],
    data: ['tokenId', 'expiresAt'],
  },
  'account.invited': {
    description:
      'Staff opened an account for the recipient (a walk-in applicant, or staff by an admin): a single-use link to choose their own password',
    variables: ['fullName', 'resetUrl', 'expiresAt'],
    data: ['tokenId', 'expiresAt'],
  },
  'competition.opened': {
    description: 'A competition the recipient’s home village is eligible for has opened for applications',
    variables: [
      'fullName',
      'competitionTitle',
      'villageName',
      'opensAt',
      'closesAt',
      'minAward',
      'maxAward',
      'competitionUrl',
    ],
    data: ['competitionId', 'competitionTitle', 'villageName', 'opensAt', 'closesAt', 'minAward', 'maxAward'],
  },
  'application.submitted': {
    description: 'Receipt for a submitted application, with its reference number and a summary',
    variables: [
      'fullName',
      'reference',
      'applicationTitle',
      'competitionTitle',
      'villageName',
      'requestedAmount',
      'ownContribution',
      'submittedAt',
      'applicationUrl',
    ],
    data: [
      'applicationId',
      'reference',
      'applicationTitle',
      'competitionTitle',
      'villageName',
      'requestedAmount',
      'ownContribution',
      'submittedAt',
    ],
  },
  'application.ineligible': {
    description: 'The application was screened out as ineligible, with the reason',
    variables: ['fullName', 'reference', 'applicationTitle', 'competitionTitle', 'reasonText', 'note'],
    data: ['applicationId', 'reference', 'applicationTitle', 'competitionTitle', 'reason'],
    optionalData: ['note'],
  },
  'application.returned': {
    description:
      'A manager returned the submitted application for changes: the message, the date to answer by, a link to edit',
    variables: [
      'fullName',
      'reference',
      'applicationTitle',
      'competitionTitle',
      'message',
      'answerBy',
      'applicationUrl',
    ],
    data: ['applicationId', 'reference', 'applicationTitle', 'competitionTitle', 'message', 'answerBy'],
  },
  'application.return_lapsed': {
    description: 'The application returned for changes was not resubmitted by its date, so it was withdrawn',
    variables: ['fullName', 'reference', 'applicationTitle', 'competitionTitle', 'answerBy', 'applicationUrl'],
    data: ['applicationId', 'reference', 'applicationTitle', 'competitionTitle', 'answerBy'],
  },
  'application.return_reminder': {
    description: 'The application returned for changes must be submitted again within two days, or it is withdrawn',
    variables: [
      'fullName',
      'reference',
      'applicationTitle',
      'competitionTitle',
      'message',
      'answerBy',
      'applicationUrl',
    ],
    data: ['applicationId', 'reference', 'applicationTitle', 'competitionTitle', 'message', 'answerBy'],
  },
  'application.draft_reminder': {
    description: 'The competition closes soon and the application is still a draft',
    variables: ['fullName', 'applicationTitle', 'competitionTitle', 'closesAt', 'applicationUrl'],
    data: ['applicationId', 'competitionTitle', 'closesAt'],
    optionalData: ['applicationTitle'],
  },
  'review.assigned': {
    description: 'A juror has been assigned applications to score in a review round, with the round deadline',
    variables: ['fullName', 'competitionTitle', 'roundName', 'count', 'deadline', 'workspaceUrl'],
    data: ['roundId', 'competitionTitle', 'roundName', 'count', 'deadline'],
  },
  'review.deadline_reminder': {
    description: 'The review round closes soon and the juror still has unfinished scoresheets',
    variables: ['fullName', 'competitionTitle', 'roundName', 'unfinished', 'deadline', 'workspaceUrl'],
    data: ['roundId', 'competitionTitle', 'roundName', 'unfinished', 'deadline'],
  },
  'round.results': {
    description: 'The results of a review round are final: whether the application advanced, with its official score',
    variables: [
      'fullName',
      'reference',
      'applicationTitle',
      'competitionTitle',
      'roundName',
      'advanced',
      'officialScore',
      'resultsUrl',
    ],
    data: ['roundId', 'applicationId', 'reference', 'applicationTitle', 'competitionTitle', 'roundName', 'advanced'],
    optionalData: ['officialScore'],
  },
  'award.offered': {
    description: 'A grant has been approved for the application and is offered: accept or decline it by the deadline',
    variables: ['fullName', 'reference', 'applicationTitle', 'competitionTitle', 'amount', 'respondBy', 'awardUrl'],
    data: ['awardId', 'reference', 'applicationTitle', 'competitionTitle', 'amount', 'respondBy'],
  },
  'application.not_awarded': {
    description:
      'The competition is final and the shortlisted application was not awarded a grant; thanks for taking part',
    variables: ['fullName', 'reference', 'applicationTitle', 'competitionTitle', 'applicationUrl'],
    data: ['applicationId', 'reference', 'applicationTitle', 'competitionTitle'],
  },
  'tranche.approved': {
    description: 'A tranche of the grant has been approved for payment',
    variables: ['fullName', 'reference', 'competitionTitle', 'trancheNumber', 'trancheLabel', 'amount', 'awardUrl'],
    data: ['awardId', 'reference', 'competitionTitle', 'trancheNumber', 'trancheLabel', 'amount'],
  },
  'payment.recorded': {
    description: 'A tranche of the grant has been paid to the grantee’s account, with the bank reference',
    variables: [
      'fullName',
      'reference',
      'competitionTitle',
      'trancheNumber',
      'trancheLabel',
      'amount',
      'bankReference',
      'paidOn',
      'awardUrl',
    ],
    data: [
      'awardId',
      'reference',
      'competitionTitle',
      'trancheNumber',
      'trancheLabel',
      'amount',
      'bankReference',
      'paidOn',
    ],
  },
  'report.returned': {
    description: 'A milestone report has been returned for changes, with the manager’s comment',
    variables: ['fullName', 'reference', 'competitionTitle', 'trancheNumber', 'trancheLabel', 'comment', 'awardUrl'],
    data: ['awardId', 'reference', 'competitionTitle', 'trancheNumber', 'trancheLabel', 'comment'],
  },
  'report.reminder': {
    description: 'The milestone report for a tranche is due soon, or overdue, and has not been submitted',
    variables: ['fullName', 'reference', 'competitionTitle', 'trancheNumber', 'trancheLabel', 'dueAt', 'awardUrl'],
    data: ['awardId', 'reference', 'competitionTitle', 'trancheNumber', 'trancheLabel', 'dueAt'],
  },
  'staff.tasks_digest': {
    description:
      'One mail a day to a manager, juror or finance officer with what waits for them (counts by kind of task), when anything does',
    variables: [
      'fullName',
      'approvals',
      'reports',
      'screening',
      'answered',
      'failedRuns',
      'conflicts',
      'scoring',
      'payments',
      'manageUrl',
      'reviewsUrl',
      'financeUrl',
    ],
    data: ['approvals', 'reports', 'screening', 'failedRuns', 'conflicts', 'scoring'],
    optionalData: ['answered', 'payments'],
  },
} as const satisfies Record<
  string,
  { description: string; variables: readonly string[]; data: readonly string[]; optionalData?: readonly string[] }
>;

export type MessageType = keyof typeof MESSAGE_TYPES;

interface MessageVariablesByType {
  'account.registered': AccountRegisteredVariables;
  'password.reset': PasswordResetVariables;
  'account.invited': AccountInvitedVariables;
  'competition.opened': CompetitionOpenedVariables;
  'application.submitted': ApplicationSubmittedVariables;
  'application.ineligible': ApplicationIneligibleVariables;
  'application.returned': ApplicationReturnedVariables;
  'application.return_lapsed': ApplicationReturnLapsedVariables;
  'application.return_reminder': ApplicationReturnedVariables;
  'application.draft_reminder': DraftReminderVariables;
  'review.assigned': ReviewAssignedVariables;
  'review.deadline_reminder': ReviewDeadlineReminderVariables;
  'round.results': RoundResultsVariables;
  'award.offered': AwardOfferedVariables;
  'application.not_awarded': NotAwardedVariables;
  'tranche.approved': TrancheApprovedVariables;
  'payment.recorded': PaymentRecordedVariables;
  'report.returned': ReportReturnedVariables;
  'report.reminder': ReportReminderVariables;
  'staff.tasks_digest': StaffTasksDigestVariables;
}

export type MessageVariables<T extends MessageType> = MessageVariablesByType[T];

export function isMessageType(value: string): value is MessageType {
  return Object.prototype.hasOwnProperty.call(MESSAGE_TYPES, value);
}

// Compile-time guard: the runtime variable lists and the interfaces name exactly the same keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _EveryTypeHasAnInterface = Assert<Same<keyof MessageVariablesByType, MessageType>>;
type _VariableListsMatchInterfaces = Assert<
  {
    [T in MessageType]: Same<(typeof MESSAGE_TYPES)[T]['variables'][number], keyof MessageVariablesByType[T]>;
  }[MessageType]
>;
