import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { IdempotentOutcome } from './idempotency.service';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

function isOutcome(value: unknown): value is IdempotentOutcome<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { replayed?: unknown }).replayed === 'boolean' &&
    'body' in value
  );
}

/**
 * Sends the body of an idempotent route's outcome, marking replays. The status is the route's own
 * (Nest always sends its `@HttpCode`), which is the status stored with the key: only successful
 * responses are stored, so a replay answers as the first request did.
 */
@Injectable()
export class IdempotentResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((value: unknown) => {
        if (!isOutcome(value)) throw new Error('An @Idempotent() route must return an IdempotentOutcome');
        if (value.replayed) response.setHeader(REPLAYED_HEADER, 'true');
        return value.body;
      }),
    );
  }
}
