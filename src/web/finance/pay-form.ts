import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { errorForConstraint } from '../../common/errors/constraint-errors';
import { DomainError, HTTP_STATUS_BY_KIND } from '../../common/errors/domain-error';
import { PaymentErrors } from '../../modules/disbursements/disbursements.errors';
import { RecordPaymentDto } from '../../modules/disbursements/dto/payment.dto';
import { IdempotencyErrors } from '../../modules/idempotency/idempotency.errors';
import { LedgerErrors } from '../../modules/ledger/ledger.errors';
import { MessageKey } from '../i18n/catalogue';
import { validateForm } from '../render/validate-form';
import { FieldError } from '../ui/form';

/** What the payment form holds: the transfer as the bank statement shows it, and the form's one-time key. */
export interface PayValues {
  bankReference: string;
  paidOn: string;
  /** Sent again with the form as the payment's idempotency key: the same form twice records one payment. */
  formKey: string;
}

export const PAY_FIELDS = ['bankReference', 'paidOn', 'formKey'] as const;

/** A new form: today's date in Almaty (the usual value date) and a fresh key. */
export const newPayValues = (now: Date = new Date()): PayValues => ({
  bankReference: '',
  paidOn: almatyDay(now),
  formKey: randomUUID(),
});

export function almatyDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The pages hand out random UUIDs as keys: anything else was not made by the form. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
export const isFormKey = (value: string): boolean => isUuid(value);

/** The same checks the JSON API makes of its body (RecordPaymentDto), each broken one named on its field. */
export function checkPayForm(values: PayValues): { input: RecordPaymentDto; errors: FieldError[] } {
  const { value, errors } = validateForm(
    RecordPaymentDto,
    { bankReference: values.bankReference, paidOn: values.paidOn },
    {
      bankReference: { default: 'finance.pay.error.bankReference' },
      paidOn: { default: 'finance.pay.error.paidOn' },
    },
  );
  return { input: { bankReference: value.bankReference, paidOn: value.paidOn }, errors };
}

/** A refusal of the payment service, in words: on its field when one field is at fault, else for the whole form. */
export interface PayRefusal {
  status: number;
  errors: FieldError[];
  problem?: MessageKey;
}

const PROBLEMS: Record<string, MessageKey> = {
  [PaymentErrors.FOUR_EYES.code]: 'finance.pay.problem.fourEyes',
  [PaymentErrors.TRANCHE_NOT_APPROVED.code]: 'finance.pay.problem.notApproved',
  [PaymentErrors.AWARD_WRONG_STATUS.code]: 'finance.pay.problem.awardStatus',
  [LedgerErrors.INSUFFICIENT_FUNDS.code]: 'finance.pay.problem.funds',
  [IdempotencyErrors.KEY_REUSED.code]: 'finance.pay.problem.formUsed',
  [IdempotencyErrors.KEY_IN_USE.code]: 'finance.pay.problem.formUsed',
};

/** The refusal the form shows, with the JSON API's status for the same error; null: not one a person can act on. */
export function payRefusal(error: unknown): PayRefusal | null {
  const spec =
    error instanceof DomainError
      ? { code: error.code, kind: error.kind, details: error.details ?? {} }
      : error instanceof QueryFailedError
        ? withDetails(errorForConstraint((error.driverError as { constraint?: string }).constraint))
        : undefined;
  if (!spec) return null;
  const status = HTTP_STATUS_BY_KIND[spec.kind];
  if (spec.code === PaymentErrors.PAID_ON_IN_FUTURE.code)
    return { status, errors: [paidOnError('finance.pay.error.paidOnFuture', { today: String(spec.details.today) })] };
  if (spec.code === PaymentErrors.PAID_ON_BEFORE_ACCEPTANCE.code) {
    const params = { acceptedOn: String(spec.details.acceptedOn) };
    return { status, errors: [paidOnError('finance.pay.error.paidOnBeforeAcceptance', params)] };
  }
  const problem = PROBLEMS[spec.code];
  return problem ? { status, errors: [], problem } : null;
}

const withDetails = (spec: { code: string; kind: DomainError['kind'] } | undefined) =>
  spec && { code: spec.code, kind: spec.kind, details: {} as Record<string, unknown> };

const paidOnError = (message: MessageKey, params: Record<string, string>): FieldError => ({
  field: 'paidOn',
  message,
  params,
});
