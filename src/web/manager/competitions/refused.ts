import { DomainError, HTTP_STATUS_BY_KIND } from '../../../common/errors/domain-error';
import { FieldError } from '../../ui/form';
import { refusalErrors, RowIndex } from './setup-problems';

/**
 * Runs a service call; a refusal that names fields (rules broken, a code taken) comes back as form
 * errors with the JSON API's status for it. Anything else (not found, a status changed meanwhile)
 * is thrown on to the problem page.
 */
export async function orFieldErrors<T>(
  call: () => Promise<T>,
  rows: RowIndex,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[]; status: number }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const errors = refusalErrors(error, rows);
    if (errors && error instanceof DomainError) return { ok: false, errors, status: HTTP_STATUS_BY_KIND[error.kind] };
    throw error;
  }
}
