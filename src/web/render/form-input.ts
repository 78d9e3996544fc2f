import { DomainError } from '../../common/errors/domain-error';
import { WebErrors } from '../web.errors';

/**
 * The fields a form may send, as trimmed strings. A forged form (a field the page never had, a
 * value that is not text, a value longer than any field allows) is refused as a whole, like the
 * JSON API refuses unknown fields, before anything reads it.
 */
export function readForm<F extends string>(body: unknown, fields: readonly F[], maxLength = 10_000): Record<F, string> {
  if (typeof body !== 'object' || body === null) throw new DomainError(WebErrors.FORM_INVALID);
  const allowed = new Set<string>([...fields, '_csrf']);
  const values = {} as Record<F, string>;
  for (const field of fields) values[field] = '';
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (!allowed.has(name)) throw new DomainError(WebErrors.FORM_INVALID, { field: name, problem: 'unknown' });
    if (typeof value !== 'string') throw new DomainError(WebErrors.FORM_INVALID, { field: name, problem: 'not text' });
    if (value.length > maxLength) throw new DomainError(WebErrors.FORM_INVALID, { field: name, problem: 'too long' });
    if (name !== '_csrf') values[name as F] = value.trim();
  }
  return values;
}
