import { DomainError, HTTP_STATUS_BY_KIND } from '../../../common/errors/domain-error';
import { AwardErrors } from '../../../modules/awards/awards.errors';
import { IdempotencyErrors } from '../../../modules/idempotency/idempotency.errors';
import { LedgerErrors } from '../../../modules/ledger/ledger.errors';
import { MessageKey } from '../../i18n/catalogue';
import { FieldError } from '../../ui/form';
import { amountField } from './allocation-form';
import { AllocationRow } from './manager-awards-view';

/**
 * A problem on the managers' award pages. Amounts and place names are kept raw and put into words
 * by the page, in the reader's language: `money` params become tenge, `placeId` the place's name.
 */
export interface AwardProblem extends FieldError {
  money?: Record<string, bigint>;
  placeId?: string;
}

/** The status a refusal answers with: the JSON API's for the same error. */
export const statusOf = (error: DomainError): number => HTTP_STATUS_BY_KIND[error.kind];

interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * The proposal service's refusal of a proposal, in words for the form: each refused row linked to
 * its amount field, a budget or envelope overrun with the sums. Null: not a refusal the form shows.
 */
export function proposalProblems(
  error: unknown,
  rows: readonly AllocationRow[],
  items: readonly { applicationId: string }[],
): AwardProblem[] | null {
  if (!(error instanceof DomainError)) return null;
  const details = error.details ?? {};
  const rowAt = (field: string): AllocationRow | undefined => {
    const index = Number(/^items\.(\d+)\./.exec(field)?.[1] ?? NaN);
    const id = items[index]?.applicationId;
    return rows.find((r) => r.applicationId === id);
  };
  const perRow = (message: MessageKey) =>
    ((details.fields as FieldProblem[] | undefined) ?? []).flatMap((f) => {
      const row = rowAt(f.field);
      return row
        ? [
            {
              field: amountField(row.applicationId),
              message,
              params: { reference: row.reference },
              money: { max: row.cap },
            },
          ]
        : [];
    });
  switch (error.code) {
    case AwardErrors.INVALID_AMOUNT.code:
      return perRow('managerAwards.allocation.error.tooHigh');
    case AwardErrors.NOT_A_CANDIDATE.code:
      return perRow('managerAwards.allocation.error.notCandidate');
    case AwardErrors.PROPOSAL_EXCEEDS_BUDGET.code: {
      const envelope = details.envelope as 'budget' | 'district' | 'village';
      const ids = new Set((details.applicationIds as string[] | undefined) ?? []);
      const first = rows.find((r) => ids.has(r.applicationId));
      const money = { requested: BigInt(details.requested as string), remaining: BigInt(details.remaining as string) };
      return [
        {
          field: first ? amountField(first.applicationId) : 'amounts',
          message: `managerAwards.allocation.error.${envelope}`,
          money,
          placeId: (details.districtId ?? details.villageId) as string | undefined,
        },
      ];
    }
    case AwardErrors.NOTHING_TO_PROPOSE.code:
      return [{ field: 'amounts', message: 'managerAwards.allocation.error.none' }];
    case AwardErrors.NOT_READY.code:
      return [{ field: 'amounts', message: 'managerAwards.allocation.error.notReady' }];
    case IdempotencyErrors.KEY_REUSED.code:
    case IdempotencyErrors.KEY_IN_USE.code:
      return [{ field: 'amounts', message: 'managerAwards.allocation.error.formUsed' }];
    default:
      return null;
  }
}

/** A decision on a proposal or a report that lost a race or no longer fits, in words; null: not one of those. */
export function decisionProblem(error: unknown): MessageKey | null {
  if (!(error instanceof DomainError)) return null;
  switch (error.code) {
    case AwardErrors.WRONG_STATUS.code:
    case AwardErrors.REPORT_WRONG_STATUS.code:
    case AwardErrors.TRANCHE_WRONG_STATUS.code:
    case AwardErrors.SCHEDULE_FROZEN.code:
      return 'managerAwards.problem.decided';
    case AwardErrors.ENVELOPE_FULL.code:
    case LedgerErrors.INSUFFICIENT_FUNDS.code:
      return 'managerAwards.problem.money';
    case AwardErrors.NOT_A_CANDIDATE.code:
      return 'managerAwards.problem.notCandidate';
    case AwardErrors.FOUR_EYES.code:
      return 'managerAwards.problem.fourEyes';
    case IdempotencyErrors.KEY_REUSED.code:
    case IdempotencyErrors.KEY_IN_USE.code:
      return 'managerAwards.problem.formUsed';
    default:
      return null;
  }
}
