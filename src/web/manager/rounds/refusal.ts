import { DomainError, HTTP_STATUS_BY_KIND } from '../../../common/errors/domain-error';
import { Refusal } from './rounds-types';

/** Kinds of refusal a page shows in words beside the form; anything else (not found, forbidden) is a problem page. */
const SHOWN = new Set(['conflict', 'rule', 'validation', 'unavailable']);

/**
 * Runs a service call; a refusal it answers with (wrong status, a rule broken, the queue down)
 * comes back as data for the page to say in words, with its HTTP status.
 */
export async function orRefusal<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; refusal: Refusal; status: number }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof DomainError && SHOWN.has(error.kind))
      return {
        ok: false,
        refusal: { code: error.code, details: error.details },
        status: HTTP_STATUS_BY_KIND[error.kind],
      };
    throw error;
  }
}
