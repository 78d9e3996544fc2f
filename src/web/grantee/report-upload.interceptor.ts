import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MAX_SPENDING_LINES } from '../../modules/awards/dto/report.dto';
import { IncomingFile } from '../../modules/stored-files/incoming-file';
import { MAX_UPLOADS } from './report-form';

/** What a file upload of the report form ran into before the page could read it. */
export type UploadProblem = 'too_large' | 'too_many';

interface MulterFile {
  originalname: string;
  buffer: Buffer;
}
type UploadRequest = Request & { files?: MulterFile[]; uploadProblem?: UploadProblem };

/** The report form's fields besides the spending lines: body, jobs, kept files, the token. */
const OTHER_FIELDS = 4;

/**
 * Reads the report form's multipart body (its text fields and up to MAX_UPLOADS files under
 * `files`, each within ATTACHMENT_MAX_BYTES) into memory. A file too large or one too many does
 * not end the request as a bare 413 or 400: the controller gets to show the form again with the
 * problem on its field. The CSRF check ran before this (the token comes in the form's action URL).
 */
@Injectable()
export class ReportUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const Multipart = FilesInterceptor('files', MAX_UPLOADS, {
      limits: {
        fileSize: config.attachmentMaxBytes,
        files: MAX_UPLOADS,
        fields: MAX_SPENDING_LINES + OTHER_FIELDS,
        fieldSize: 64 * 1024,
        parts: MAX_UPLOADS + MAX_SPENDING_LINES + OTHER_FIELDS,
      },
      // Browsers send file names as raw UTF-8; multer's default would read them as Latin-1.
      defParamCharset: 'utf8',
    });
    this.multipart = new Multipart();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) request.uploadProblem = 'too_large';
      else if (error instanceof BadRequestException && /too many files/i.test(error.message))
        request.uploadProblem = 'too_many';
      else throw error;
      request.files = [];
      return next.handle();
    }
  }
}

/** The files the interceptor read, and what stopped it, if anything. */
export function uploadsOf(request: Request): { files: IncomingFile[]; problem: UploadProblem | null } {
  const upload = request as UploadRequest;
  return {
    files: (upload.files ?? []).map((f) => new IncomingFile(f.originalname, f.buffer)),
    problem: upload.uploadProblem ?? null,
  };
}
