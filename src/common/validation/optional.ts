import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null. `@IsOptional()` lets null through too, which
 * would reach a NOT NULL column (or `BigInt(null)`); use this wherever null is no value to store.
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
