import { applyDecorators, createParamDecorator, ExecutionContext, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { idempotencyKeyProblem } from './domain/request-hash';
import { IdempotencyErrors as E } from './idempotency.errors';
import { IdempotencyKey } from './idempotency.service';
import { IdempotentResponseInterceptor, REPLAYED_HEADER } from './idempotent-response.interceptor';

const HEADER = 'Idempotency-Key';

/**
 * The request's Idempotency-Key header, required and checked (400 IDEMPOTENCY.KEY_REQUIRED or
 * KEY_INVALID), with the status the route answers with, which is stored with the key: the HTTP
 * layer knows it, so the service that runs the change never names a status.
 */
export const IdempotencyKeyHeader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotencyKey => {
    const request = context.switchToHttp().getRequest<Request>();
    const value = request.headers[HEADER.toLowerCase()];
    const problem = idempotencyKeyProblem(value);
    if (problem === 'missing')
      throw new DomainError(E.KEY_REQUIRED, {
        fields: [{ field: HEADER, problems: [`the ${HEADER} header is required`] }],
      });
    if (problem === 'invalid')
      throw new DomainError(E.KEY_INVALID, {
        fields: [{ field: HEADER, problems: [`${HEADER} must be 1 to 200 printable ASCII characters`] }],
      });
    // Nest's own rule: the route's @HttpCode, else 201 for POST and 200 for anything else.
    const code = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    return { value: value as string, responseStatus: code ?? (request.method === 'POST' ? 201 : 200) };
  },
);

/**
 * A route that moves money: it takes an Idempotency-Key header (read it with
 * `@IdempotencyKeyHeader()`) and returns an `IdempotentOutcome`, whose body is sent; a replay
 * carries the `Idempotent-Replayed: true` header.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotentResponseInterceptor),
    ApiHeader({
      name: HEADER,
      required: true,
      description:
        'Your id for this request (1 to 200 printable ASCII characters, a UUID is a good choice). Retrying with the same key and body replays the first ' +
        `response with \`${REPLAYED_HEADER}: true\` and changes nothing; the same key with another body is refused (422 IDEMPOTENCY.KEY_REUSED). ` +
        'A request that was refused does not use up its key.',
    }),
  );
}
