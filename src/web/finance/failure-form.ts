import { DomainError, HTTP_STATUS_BY_KIND } from '../../common/errors/domain-error';
import { PaymentErrors } from '../../modules/disbursements/disbursements.errors';
import { PaymentFailureDto } from '../../modules/disbursements/dto/payment.dto';
import { IdempotencyErrors } from '../../modules/idempotency/idempotency.errors';
import { MessageKey } from '../i18n/catalogue';
import { validateForm } from '../render/validate-form';
import { FieldError } from '../ui/form';

/** What the failed-transfer form holds: why, and the form's one-time key (the idempotency key). */
export interface FailureValues {
  reason: string;
  formKey: string;
}

export const FAILURE_FIELDS = ['reason', 'formKey'] as const;
export const MAX_REASON = 2000;

/** The same check the JSON API makes of its body (PaymentFailureDto). */
export function checkFailureForm(values: FailureValues): { input: PaymentFailureDto; errors: FieldError[] } {
  const { value, errors } = validateForm(
    PaymentFailureDto,
    { reason: values.reason },
    { reason: { default: 'finance.failure.error.reason' } },
  );
  return { input: { reason: value.reason }, errors };
}

const PROBLEMS: Record<string, MessageKey> = {
  [PaymentErrors.ALREADY_FAILED.code]: 'finance.failure.problem.alreadyFailed',
  [PaymentErrors.AWARD_WRONG_STATUS.code]: 'finance.pay.problem.awardStatus',
  [IdempotencyErrors.KEY_REUSED.code]: 'finance.pay.problem.formUsed',
  [IdempotencyErrors.KEY_IN_USE.code]: 'finance.pay.problem.formUsed',
};

/** The refusal the form shows in words, with the JSON API's status; null: not one a person can act on. */
export function failureRefusal(error: unknown): { status: number; problem: MessageKey } | null {
  if (!(error instanceof DomainError)) return null;
  const problem = PROBLEMS[error.code];
  return problem ? { status: HTTP_STATUS_BY_KIND[error.kind], problem } : null;
}
