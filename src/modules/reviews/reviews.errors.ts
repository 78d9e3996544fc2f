import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const ReviewErrors = defineErrors('REVIEW', {
  ROUND_NOT_FOUND: { kind: 'not_found', message: 'Review round not found' },
  COMPETITION_NOT_FOUND: { kind: 'not_found', message: 'Competition not found' },
  WRONG_STATUS: { kind: 'conflict', message: 'The round is not in a status that allows this' },
  METHOD_FROZEN: { kind: 'conflict', message: 'The method is frozen once the round opens' },
  INVALID_METHOD: { kind: 'validation', message: 'The scoring method is inconsistent' },
  COMPETITION_NOT_CLOSED: {
    kind: 'conflict',
    message: 'Scoring rounds start after the competition closes for applications',
  },
  PREVIOUS_ROUND_NOT_FINALIZED: { kind: 'conflict', message: 'The previous round must be finalized first' },
  NOTHING_TO_REVIEW: { kind: 'rule', message: 'No application can enter this round' },
  DEADLINE_PASSED: { kind: 'rule', message: 'The deadline must be in the future' },
  JUROR_NOT_FOUND: { kind: 'not_found', message: 'Juror not found on this competition' },
  NOT_A_JUROR: { kind: 'rule', message: 'The user is not an active juror account' },
  JUROR_EXISTS: { kind: 'conflict', message: 'The juror is already on this panel' },
  JUROR_HAS_ASSIGNMENTS: {
    kind: 'conflict',
    message: 'A juror with assignments cannot leave the panel; remove the assignments first',
  },
  CONFLICTS_CONFIRMED: {
    kind: 'conflict',
    message: 'The declaration is confirmed; a new conflict can still be added, not removed',
  },
  CONFLICTS_NOT_CONFIRMED: {
    kind: 'forbidden',
    message: 'Confirm your conflict declaration before the workspace opens',
  },
  CONFLICT_TARGET_REQUIRED: {
    kind: 'validation',
    message: 'Name exactly one of applicantId, applicationId or villageId',
  },
  CONFLICT_TARGET_NOT_FOUND: {
    kind: 'rule',
    message: 'The applicant, application or village is not part of this competition',
  },
  DECLARATION_NOT_FOUND: { kind: 'not_found', message: 'Conflict declaration not found' },
  RUN_NOT_FOUND: { kind: 'not_found', message: 'Assignment run not found' },
  RUN_PENDING: { kind: 'conflict', message: 'An assignment run of this round is still queued' },
  ASSIGNMENT_NOT_FOUND: { kind: 'not_found', message: 'Assignment not found' },
  ASSIGNMENT_EXISTS: { kind: 'conflict', message: 'The juror is already assigned to this application' },
  PAIR_IN_CONFLICT: { kind: 'rule', message: 'The juror is in conflict with this application' },
  APPLICATION_NOT_IN_ROUND: { kind: 'rule', message: 'The application is not part of this round' },
  ROUND_NOT_OPEN: { kind: 'conflict', message: 'Scores are accepted only while the round is open' },
  INCOMPLETE_SCORESHEET: { kind: 'validation', message: 'Every criterion needs a score within its scale' },
  SCORESHEET_WITHDRAWN: { kind: 'conflict', message: 'The scoresheet was withdrawn' },
  OFFLINE_FORM_INVALID: {
    kind: 'validation',
    message: 'The offline scoresheet form has problems; nothing was stored (each problem has its line)',
  },
  RESULTS_NOT_READY: { kind: 'not_found', message: 'The round has no final results yet' },
  INVALID_AFFINITIES: { kind: 'validation', message: 'The affinity file has problems' },
  QUEUE_UNAVAILABLE: {
    kind: 'unavailable',
    message: 'The job queue did not answer; the request is stored, ask again to queue it',
  },
});

registerConstraintErrors({
  UQ_review_rounds_competition_position: ReviewErrors.WRONG_STATUS,
  UQ_assignments_active_pair: ReviewErrors.ASSIGNMENT_EXISTS,
  FK_competition_jurors_village: ReviewErrors.CONFLICT_TARGET_NOT_FOUND,
  FK_conflict_declarations_applicant: ReviewErrors.CONFLICT_TARGET_NOT_FOUND,
  FK_conflict_declarations_application: ReviewErrors.CONFLICT_TARGET_NOT_FOUND,
  FK_conflict_declarations_village: ReviewErrors.CONFLICT_TARGET_NOT_FOUND,
});
