import { PATH_METADATA } from '@nestjs/common/constants';
import { ApiProperty } from '@nestjs/swagger';
import { CommonErrors } from '../errors/common.errors';
import { ErrorSpec, HTTP_STATUS_BY_KIND } from '../errors/domain-error';

export class ErrorResponseDto {
  @ApiProperty({ example: 'COMPETITION.NOT_FOUND', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({
    example: 'Competition not found',
    description:
      'For people, in the caller’s language (preferred language of the signed-in person, else Accept-Language, else English)',
  })
  message!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Context; for validation errors `fields: [{ field, problems }]`',
  })
  details!: Record<string, unknown>;
}

/** The error codes documented on one handler so far, by HTTP status. */
const ERROR_CODES = 'openapi:error-codes';
/** @nestjs/swagger's key for a handler's responses (its API_RESPONSE, which the package does not export). */
const API_RESPONSE = 'swagger/apiResponse';

/** The error shape with `code` narrowed to the codes this route answers with at this status. */
function errorSchema(codes: string[]): Record<string, unknown> {
  return {
    type: 'object',
    required: ['code', 'message', 'details'],
    properties: {
      code: { type: 'string', enum: codes, description: 'Stable machine-readable code' },
      message: {
        type: 'string',
        description: 'For people, in the caller’s language (preferred language, else Accept-Language, else English)',
      },
      details: {
        type: 'object',
        additionalProperties: true,
        description: 'Context; for validation errors `fields: [{ field, problems }]`',
      },
    },
  };
}

/**
 * Adds error codes to a handler's documented responses, merged per status with those its other
 * decorators (roles, path ids, its own list) declared: one response per status, listing every code,
 * instead of Nest's descriptions run together or one decorator's codes replacing another's.
 */
export function documentErrorCodes(handler: object, specs: ErrorSpec[]): void {
  const byStatus = new Map<number, string[]>(Reflect.getMetadata(ERROR_CODES, handler) ?? []);
  for (const spec of specs) {
    const status = HTTP_STATUS_BY_KIND[spec.kind];
    const codes = byStatus.get(status) ?? [];
    if (!codes.includes(spec.code)) byStatus.set(status, [...codes, spec.code]);
  }
  Reflect.defineMetadata(ERROR_CODES, [...byStatus.entries()], handler);
  const responses: Record<string, unknown> = { ...(Reflect.getMetadata(API_RESPONSE, handler) ?? {}) };
  // Errors are JSON even on a route that produces files or CSV: the content is given, not derived from @ApiProduces.
  for (const [status, codes] of byStatus)
    responses[status] = {
      description: `Error codes: ${codes.join(', ')}`,
      content: { 'application/json': { schema: errorSchema(codes) } },
    };
  Reflect.defineMetadata(API_RESPONSE, responses, handler);
}

/**
 * A decorator documenting error codes on a route, or on every route of a controller (a class
 * decorator runs after its methods' decorators, so it merges into what they declared).
 */
export function errorCodesDecorator(specs: ErrorSpec[]): MethodDecorator & ClassDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      documentErrorCodes(descriptor.value as object, specs);
      return descriptor;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name !== 'constructor' && typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler))
        documentErrorCodes(handler, specs);
    }
    return target;
  }) as MethodDecorator & ClassDecorator;
}

/** Documents the error codes a route can answer with, grouped by HTTP status, in the OpenAPI document. */
export function ApiErrors(...specs: ErrorSpec[]): MethodDecorator & ClassDecorator {
  return errorCodesDecorator([CommonErrors.VALIDATION_FAILED, ...specs]);
}
