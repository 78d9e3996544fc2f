import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const ApplicationErrors = defineErrors('APPLICATION', {
  NOT_FOUND: { kind: 'not_found', message: 'Application not found' },
  NOT_DRAFT: { kind: 'conflict', message: 'Only a draft can be changed' },
  WRONG_STATUS: { kind: 'conflict', message: 'The application is not in a status that allows this' },
  COMPETITION_NOT_OPEN: { kind: 'conflict', message: 'The competition is not accepting applications' },
  DEADLINE_PASSED: { kind: 'conflict', message: 'The competition has closed for applications' },
  NOT_YET_OPEN: { kind: 'conflict', message: 'The competition does not accept applications yet' },
  VILLAGE_NOT_ELIGIBLE: { kind: 'rule', message: 'The village is not eligible in this competition' },
  VILLAGE_REASON_REQUIRED: {
    kind: 'validation',
    message: 'Say why you apply for a village other than your home village',
  },
  NO_HOME_VILLAGE: { kind: 'rule', message: 'Name the village: your account has no home village' },
  LIMIT_REACHED: { kind: 'rule', message: 'You have as many applications in this competition as it allows' },
  EMAIL_NOT_CONFIRMED: { kind: 'forbidden', message: 'Confirm your email address before submitting' },
  INVALID: { kind: 'rule', message: 'The application breaks the competition rules' },
  UNKNOWN_GOAL: { kind: 'rule', message: 'A linked goal does not exist' },
  APPLICANT_NOT_FOUND: { kind: 'rule', message: 'No active applicant account with this id' },
  NOT_ASSISTED: { kind: 'forbidden', message: 'Staff change only applications entered by assisted intake' },
  SCREENING_REASON_REQUIRED: { kind: 'validation', message: 'An ineligible decision needs a reason from the list' },
  RETURN_INVALID: {
    kind: 'validation',
    message: 'A return needs a message and a date to answer by, at least a day and at most 60 days ahead',
  },
  ANSWER_DATE_PASSED: { kind: 'conflict', message: 'The date to answer the request for changes by has passed' },
});

registerConstraintErrors({
  FK_application_goals_goal: ApplicationErrors.UNKNOWN_GOAL,
});
