import { isUUID } from 'class-validator';
import { DomainError } from '../../../common/errors/domain-error';
import { SCREENING_REASONS, ScreeningDecision, screeningProblem } from '../../../modules/applications/domain/screening';
import { ScreeningDto } from '../../../modules/applications/dto/staff.dto';
import { validateForm } from '../../render/validate-form';
import { FieldError } from '../../ui/form';
import { WebErrors } from '../../web.errors';
import { FILTER_FIELDS, tableFilter, TableFilter } from './table-query';

/** What a screening form holds: the decision, a reason from the list, a note. */
export interface ScreeningForm {
  decision: string;
  reason: string;
  note: string;
}

export interface ScreeningInput {
  decision: ScreeningDecision;
  reason?: string;
  note?: string;
}

/** The bulk form: the ticked rows, or "every application the filters match" with the filters it was sent with. */
export interface BulkForm extends ScreeningForm {
  ids: string[];
  all: boolean;
  filter: TableFilter;
}

export const SCREENING_FIELDS = ['decision', 'reason', 'note'] as const;
const BULK_FIELDS = new Set<string>(['_csrf', 'ids', 'all', ...SCREENING_FIELDS, ...FILTER_FIELDS]);
/** As the JSON API (BulkScreeningDto): at most this many decisions in one request. */
export const BULK_LIMIT = 500;

/**
 * Reads the bulk form. Ticked rows come as one value or a list of `ids`; anything a page of ours
 * never sends (an unknown field, an id that is not one, more than BULK_LIMIT ids) is a forged
 * form, refused as a whole before anything is read.
 */
export function readBulkForm(body: unknown): BulkForm {
  if (typeof body !== 'object' || body === null) throw new DomainError(WebErrors.FORM_INVALID);
  const fields = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (!BULK_FIELDS.has(name)) throw new DomainError(WebErrors.FORM_INVALID, { field: name, problem: 'unknown' });
    if (name !== 'ids' && (typeof value !== 'string' || value.length > 2000))
      throw new DomainError(WebErrors.FORM_INVALID, { field: name, problem: 'not text' });
  }
  const raw = fields.ids === undefined ? [] : Array.isArray(fields.ids) ? fields.ids : [fields.ids];
  if (raw.length > BULK_LIMIT || raw.some((v) => typeof v !== 'string' || !isUUID(v, 'all')))
    throw new DomainError(WebErrors.FORM_INVALID, { field: 'ids' });
  const str = (name: string) => ((fields[name] as string | undefined) ?? '').trim();
  return {
    ids: [...new Set((raw as string[]).map((v) => v.toLowerCase()))],
    all: str('all') === '1',
    filter: tableFilter(fields),
    decision: str('decision'),
    reason: str('reason'),
    note: str('note'),
  };
}

/**
 * The decision as the service takes it, or every problem with it: the JSON API's DTO (decision,
 * reason from the list, note length) and the domain rule (ineligible needs a reason, "other" a note).
 */
export function screeningInput(form: ScreeningForm): { input: ScreeningInput | null; errors: FieldError[] } {
  const values = {
    decision: form.decision || undefined,
    reason: form.decision === 'ineligible' && form.reason ? form.reason : undefined,
    note: form.note || undefined,
  };
  const { errors } = validateForm(ScreeningDto, values, {
    decision: { default: 'managerApplications.error.decision' },
    reason: { default: 'managerApplications.error.reason' },
    note: { default: 'managerApplications.error.noteLong' },
  });
  if (errors.length === 0) {
    const problem = screeningProblem(values.decision as ScreeningDecision, values.reason, values.note);
    if (problem)
      errors.push(
        values.reason
          ? { field: 'note', message: 'managerApplications.error.note' }
          : { field: 'reason', message: 'managerApplications.error.reason' },
      );
  }
  if (errors.length > 0) return { input: null, errors };
  return { input: values as ScreeningInput, errors: [] };
}

export const REASONS: readonly string[] = SCREENING_REASONS;
