import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { attachmentDisposition } from '../../modules/stored-files/domain/file-name';
import { WebRequest } from '../session/web-request';
import { FileResult, PageResult, RedirectResult } from './web-result';
import { WebPages } from './web-pages';

/** Turns what a web controller returns (a page, a redirect or a download) into the response. */
@Injectable()
export class WebRenderInterceptor implements NestInterceptor {
  constructor(private readonly pages: WebPages) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<StreamableFile | undefined> {
    const http = context.switchToHttp();
    const request = http.getRequest<WebRequest>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (result instanceof FileResult) return fileReply(response, result);
        if (result instanceof RedirectResult) response.redirect(303, result.location);
        else if (result instanceof PageResult) this.pages.send(request, response, result.body, result.status);
        else throw new Error('A web controller must return page(...), seeOther(...) or download(...)');
        return undefined;
      }),
    );
  }
}

/**
 * A download: saved, never rendered by the browser (no sniffing, a sandbox), and never cached by
 * others. Nest streams it (StreamableFile closes the source when the client goes away).
 */
function fileReply(response: Response, file: FileResult): StreamableFile {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  const options = { type: file.type, disposition: attachmentDisposition(file.filename), length: file.length };
  return Buffer.isBuffer(file.content)
    ? new StreamableFile(file.content, options)
    : new StreamableFile(file.content, options);
}
