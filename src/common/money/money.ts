import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import { OptionalNotNull } from '../validation/optional';

/** Up to 15 digits of minor units (10^13 tenge): far above any budget, far below bigint's limit. */
const MONEY_PATTERN = /^(0|[1-9]\d{0,14})$/;

/**
 * A money amount in minor units (tiyn for KZT). JSON carries it as an integer string; a safe
 * non-negative integer number is accepted too and normalised. Floats and negatives are refused.
 */
export function MoneyField(
  options: { required: boolean; description?: string; example?: string; positive?: boolean } = { required: true },
) {
  const doc = {
    type: String,
    pattern: MONEY_PATTERN.source,
    example: options.example ?? '500000000',
    description: `${options.description ?? 'Amount'} in minor units (tiyn), as an integer string`,
  };
  return applyDecorators(
    options.required ? ApiProperty(doc) : ApiPropertyOptional(doc),
    ...(options.required ? [] : [OptionalNotNull()]),
    Transform(({ value }) =>
      typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value,
    ),
    Matches(MONEY_PATTERN, {
      message: '$property must be a whole number of minor units, as a string such as "500000000"',
    }),
    ...(options.positive ? [Matches(/^[1-9]/, { message: '$property must be greater than zero' })] : []),
  );
}

export const toMinor = (value: string): bigint => BigInt(value);
