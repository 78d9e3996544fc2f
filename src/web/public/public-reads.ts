import { isUUID } from 'class-validator';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';

/** Query parameters of the public pages' GET forms: ids of places, goals and competitions, a page number. */
export interface PlaceQuery {
  competition?: string;
  region?: string;
  district?: string;
  village?: string;
  goal?: string;
  page?: number;
}

const ID_FIELDS = ['competition', 'region', 'district', 'village', 'goal'] as const;

/**
 * The ids a GET form sent, each only if it is a UUID: a hand-edited or stale link shows the page
 * without that filter rather than an error, and nothing else in the query is read.
 */
export function placeQuery(query: unknown): PlaceQuery {
  const source = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const out: PlaceQuery = {};
  for (const field of ID_FIELDS) {
    const value = source[field];
    if (typeof value === 'string' && isUUID(value, 'all')) out[field] = value.toLowerCase();
  }
  const page = Number(source.page);
  if (Number.isSafeInteger(page) && page > 1 && page <= 10_000) out.page = page;
  return out;
}

/** A page id from the path: anything that is not a UUID is a page that does not exist (404, not 400). */
export function pathId(value: string, notFound: ErrorSpec): string {
  if (!isUUID(value, 'all')) throw new DomainError(notFound);
  return value.toLowerCase();
}

/** The value, or null when the service refuses with this error (an answer the page shows as "not yet"). */
export async function unlessRefused<T>(read: Promise<T>, refusal: ErrorSpec): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.code === refusal.code) return null;
    throw error;
  }
}
