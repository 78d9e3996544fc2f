import { Transform } from 'class-transformer';

/** Strips surrounding white space from strings before validation; other values pass unchanged. */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
