import { Transform } from 'class-transformer';

/** Strips surrounding white space from strings before validation; other values pass unchanged. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Lower-cases ids (one or a list) before validation, so the same UUID written in two cases counts
 * as one in uniqueness checks, as it does in PostgreSQL.
 */
export const LowercaseIds = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
    return Array.isArray(value) ? value.map(lower) : lower(value);
  });

/**
 * ISO 8601 date-times with an explicit offset only become Dates (a deadline must never depend on
 * the server's time zone); anything else stays as it is for `@IsDate()` to refuse.
 */
export const IsoDateTime = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      ? new Date(value)
      : value,
  );
