import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Page sizes are clamped rather than refused: a client asking for a million rows gets the maximum.
 * Anything that is not a whole number is left as is, for the validators to refuse.
 */
export function clampLimit(value: unknown, fallback: number, max: number): unknown {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  if (!/^-?\d+$/.test(String(value))) return value;
  return Math.min(Math.max(Number(value), 1), max);
}

function toInt(value: unknown): unknown {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
}

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 20, maximum: 100, description: 'Clamped to 1..100' })
  @IsOptional()
  @Transform(({ value }) => clampLimit(value, 20, 100))
  @IsInt()
  @Min(1)
  limit: number = 20;

  @ApiPropertyOptional({ type: 'integer', default: 0, maximum: 1_000_000 })
  @IsOptional()
  @Transform(({ value }) => toInt(value))
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;
}

/** What a service needs of a page query. */
export type PageRequest = Pick<PageQueryDto, 'limit' | 'offset'>;

export class PageMetaDto {
  @ApiProperty({ type: 'integer', description: 'How many there are in all, beyond this page too' })
  total!: number;
  @ApiProperty({ type: 'integer', description: 'The page size used' })
  limit!: number;
  @ApiProperty({ type: 'integer', description: 'How many were skipped before this page' })
  offset!: number;
}

/** One page of a list as every list route answers it: the items, how many match in all, and the page asked for. */
export function pageOf<T>(
  items: T[],
  total: number,
  page: PageRequest,
): { items: T[]; total: number; limit: number; offset: number } {
  return { items, total, limit: page.limit, offset: page.offset };
}
