import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { WebRequest } from '../session/web-request';
import { PageResult, RedirectResult } from './web-result';
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
        } else {
          throw new Error('A web controller must return page(...) or seeOther(...)');
        }
      }),
    );
  }
}
