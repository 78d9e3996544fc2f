import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { CommonErrors } from '../errors/common.errors';
import { ErrorSpec, HTTP_STATUS_BY_KIND } from '../errors/domain-error';

export class ErrorResponseDto {
  @ApiProperty({ example: 'COMPETITION.NOT_FOUND', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: 'Competition not found' })
  message!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Context; for validation errors `fields: [{ field, problems }]`',
  })
  details!: Record<string, unknown>;
}

/** Documents the error codes a route can answer with, grouped by HTTP status, in the OpenAPI document. */
export function ApiErrors(...specs: ErrorSpec[]): MethodDecorator & ClassDecorator {
  const all = [CommonErrors.VALIDATION_FAILED, ...specs];
  const byStatus = new Map<number, string[]>();
  for (const spec of all) {
    const status = HTTP_STATUS_BY_KIND[spec.kind];
    byStatus.set(status, [...(byStatus.get(status) ?? []), spec.code]);
  }
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, codes]) =>
      ApiResponse({ status, description: `Error codes: ${[...new Set(codes)].join(', ')}`, type: ErrorResponseDto }),
    ),
  );
}
