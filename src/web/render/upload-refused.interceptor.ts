import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, Observable, of, throwError } from 'rxjs';
import { seeOther } from './web-result';

/**
 * Bound before FileInterceptor on the upload page: when multer stops reading a body (a file over
 * the size limit, a form with other fields), the page is shown again with the problem named,
 * instead of a bare error page. Nothing was stored: multer keeps the file in memory.
 */
@Injectable()
export class UploadRefusedInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof PayloadTooLargeException) && !(error instanceof BadRequestException))
          return throwError(() => error);
        const problem = error instanceof PayloadTooLargeException ? 'too-large' : 'not-accepted';
        return of(seeOther(`${request.path}?problem=${problem}`));
      }),
    );
  }
}
