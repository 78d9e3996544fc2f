import { Transform } from 'class-transformer';

/** Strips surrounding white space from strings before validation; other values pass unchanged. */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Lower-cases ids (one or a list) before validation, so the same UUID written in two cases counts
 * as one in uniqueness checks, as it does in PostgreSQL.
 */
export const LowercaseIds = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
    return Array.isArray(value) ? value.map(lower) : lower(value);
  });
