import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { attachmentDisposition } from '../../modules/stored-files/domain/file-name';
import { WebRequest } from '../session/web-request';
import { FileResult, PageResult, RedirectResult } from './web-result';
import { WebPages } from './web-pages';

/** Turns what a web controller returns (a page or a redirect) into the response. */
@Injectable()
export class WebRenderInterceptor implements NestInterceptor {
  constructor(private readonly pages: WebPages) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<void> {
    const http = context.switchToHttp();
    const request = http.getRequest<WebRequest>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (result instanceof RedirectResult) {
          response.redirect(303, result.location);
        } else if (result instanceof PageResult) {
          this.pages.send(request, response, result.body, result.status);
        } else if (result instanceof FileResult) {
          sendFile(response, result);
        } else {
          throw new Error('A web controller must return page(...), seeOther(...) or download(...)');
        }
      }),
    );
  }
}

/** A download: saved, never rendered by the browser (no sniffing, a sandbox), and never cached by others. */
function sendFile(response: Response, file: FileResult): void {
  response.status(200);
  response.setHeader('Content-Type', file.type);
  response.setHeader('Content-Disposition', attachmentDisposition(file.filename));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (file.length !== undefined) response.setHeader('Content-Length', String(file.length));
  if (Buffer.isBuffer(file.content)) response.end(file.content);
  else file.content.pipe(response);
}
