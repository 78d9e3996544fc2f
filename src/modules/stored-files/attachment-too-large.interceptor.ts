import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { StoredFileErrors as E } from './stored-files.errors';

/**
 * Bound before FileInterceptor: Nest turns multer's LIMIT_FILE_SIZE into a bare 413 exception,
 * which becomes our ATTACHMENT.TOO_LARGE with the limit, instead of the generic body-size error.
 */
@Injectable()
export class AttachmentTooLargeInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new DomainError(E.TOO_LARGE, { maxBytes: this.config.attachmentMaxBytes })
              : error,
          ),
        ),
      );
  }
}
