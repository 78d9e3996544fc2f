import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../modules/idempotency/domain/request-hash';
import { parseTenge, tengeInputValue } from '../../i18n/tenge';
import { FieldError } from '../../ui/form';
import { AllocationRow, AllocationView } from './manager-awards-view';

/** The amount field of one row: its name and element id. */
export const amountField = (applicationId: string): string => `amount-${applicationId}`;

/** What the allocation form holds: a typed amount per candidate row, and the form's one-time key. */
export interface AllocationValues {
  amounts: Record<string, string>;
  /** Sent again with the form: the same key twice makes one set of proposals. */
  formKey: string;
}

/** A new form: the helper's amounts in the fields (empty where it gives nothing), and a fresh key. */
export function suggestedValues(view: AllocationView, decimalSeparator: string): AllocationValues {
  const amounts: Record<string, string> = {};
  for (const row of view.rows.filter((r) => r.candidate))
    amounts[row.applicationId] = row.suggested > 0n ? tengeInputValue(row.suggested, decimalSeparator) : '';
  return { amounts, formKey: randomUUID() };
}

/**
 * The names a posted allocation form may carry: an amount per row of the ranking, the key and the
 * button. Every row, not only those that may be proposed now: a form sent again after its first
 * send went through (its rows hold awards now) must read as the same request, to be answered as
 * the first was; a row that may not be proposed is refused by the proposal service, in words.
 */
export const allocationFields = (view: AllocationView): string[] => [
  'formKey',
  'action',
  ...view.rows.map((r) => amountField(r.applicationId)),
];

export const isFormKey = (value: string): boolean => IDEMPOTENCY_KEY_PATTERN.test(value);

export function valuesFromForm(view: AllocationView, form: Record<string, string>): AllocationValues {
  const amounts: Record<string, string> = {};
  for (const row of view.rows) amounts[row.applicationId] = form[amountField(row.applicationId)] ?? '';
  return { amounts, formKey: form.formKey };
}

/** The rows' typed amounts in minor units, in rank order; an empty field or a zero is "not proposed". */
export function readAmounts(
  rows: readonly AllocationRow[],
  values: AllocationValues,
): { items: { applicationId: string; amount: bigint }[]; errors: FieldError[] } {
  const items: { applicationId: string; amount: bigint }[] = [];
  const errors: FieldError[] = [];
  for (const row of rows) {
    const typed = values.amounts[row.applicationId] ?? '';
    if (typed === '') continue;
    const minor = parseTenge(typed);
    if (minor === null) {
      errors.push({
        field: amountField(row.applicationId),
        message: 'managerAwards.allocation.error.amount',
        params: { reference: row.reference },
      });
    } else if (BigInt(minor) > 0n) items.push({ applicationId: row.applicationId, amount: BigInt(minor) });
  }
  return { items, errors };
}

export interface AllocationSums {
  proposal: bigint;
  remaining: bigint;
  /** Per envelope, in the view's order: what is left after what is held and this proposal. */
  envelopesLeft: bigint[];
}

/** The sticky summary's numbers for these amounts (those that parse). */
export function allocationSums(view: AllocationView, values: AllocationValues): AllocationSums {
  const { items } = readAmounts(view.rows, values);
  const rowOf = new Map(view.rows.map((r) => [r.applicationId, r]));
  const proposal = items.reduce((s, i) => s + i.amount, 0n);
  return {
    proposal,
    remaining: view.budget - view.held - proposal,
    envelopesLeft: view.envelopes.map((e) => {
      const inside = items.filter((i) => {
        const row = rowOf.get(i.applicationId)!;
        return (e.kind === 'district' ? row.districtId : row.villageId) === e.id;
      });
      return e.limit - e.held - inside.reduce((s, i) => s + i.amount, 0n);
    }),
  };
}
