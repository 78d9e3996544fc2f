import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const AwardErrors = defineErrors('AWARD', {
  COMPETITION_NOT_FOUND: { kind: 'not_found', message: 'Competition not found' },
  AWARD_NOT_FOUND: { kind: 'not_found', message: 'Award not found' },
  TRANCHE_NOT_FOUND: { kind: 'not_found', message: 'Tranche not found' },
  REPORT_NOT_FOUND: { kind: 'not_found', message: 'Milestone report not found' },
  FILE_NOT_FOUND: { kind: 'not_found', message: 'File not found on this award' },
  NOT_READY: {
    kind: 'conflict',
    message: 'Awards are decided after the competition has closed and its last review round is finalized',
  },
  WRONG_STATUS: { kind: 'conflict', message: 'The award is not in a status that allows this' },
  TRANCHE_WRONG_STATUS: { kind: 'conflict', message: 'The tranche is not in a status that allows this' },
  REPORT_WRONG_STATUS: { kind: 'conflict', message: 'The milestone report has already been decided' },
  NOT_A_CANDIDATE: {
    kind: 'rule',
    message: 'Only applications that advanced in the last round, passed every gate and hold no award can be proposed',
  },
  NOTHING_TO_PROPOSE: { kind: 'rule', message: 'The allocation funds no application that is not already proposed' },
  INVALID_AMOUNT: {
    kind: 'rule',
    message: 'An award is positive and never exceeds the amount requested or the competition maximum',
  },
  PROPOSAL_EXCEEDS_BUDGET: {
    kind: 'rule',
    message:
      'The proposal does not fit the budget (or a district or village envelope) together with what awards hold and the other open proposals',
  },
  INVALID_SCHEDULE: { kind: 'rule', message: 'The tranches must be positive and add up to the award exactly' },
  FOUR_EYES: { kind: 'forbidden', message: 'The manager who proposed an award cannot approve it or send it back' },
  ENVELOPE_FULL: { kind: 'rule', message: 'Approving this award would exceed a district or village envelope' },
  OFFER_EXPIRED: { kind: 'conflict', message: 'The time to accept this award has passed' },
  DECISIONS_PENDING: {
    kind: 'conflict',
    message: 'Some awards are still proposed or waiting for the applicant: decide them before finalizing',
  },
  SCHEDULE_FROZEN: { kind: 'conflict', message: 'The tranche schedule can change only before the award is accepted' },
  NO_REPORT_NEEDED: { kind: 'rule', message: 'This tranche is released on signing, not by a report' },
  FILE_NOT_ON_AWARD: { kind: 'rule', message: 'Every file of a report must be uploaded to the same award' },
  FILE_COUNT_LIMIT: { kind: 'rule', message: 'The award has as many files as allowed' },
  FILE_QUOTA_EXCEEDED: { kind: 'rule', message: 'The file would take the award over its file quota' },
});

registerConstraintErrors({
  CK_competition_envelopes_committed: AwardErrors.ENVELOPE_FULL,
  CK_awards_four_eyes: AwardErrors.FOUR_EYES,
  CK_awards_tranches_sum: AwardErrors.INVALID_SCHEDULE,
  CK_awards_amount: AwardErrors.INVALID_AMOUNT,
  UQ_awards_live_application: AwardErrors.NOT_A_CANDIDATE,
  UQ_milestone_reports_pending: AwardErrors.TRANCHE_WRONG_STATUS,
});
