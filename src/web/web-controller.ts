import { applyDecorators, Controller, SetMetadata, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WEB_KEY } from '../common/auth/browser-authenticator';
import { WebErrorFilter } from './render/web-error.filter';
import { WebRenderInterceptor } from './render/web-render.interceptor';

/**
 * A controller of web pages: the access guard knows its person by the session cookie (with the
 * CSRF check), what it returns is rendered as a page, its errors become pages, and it stays out
 * of the OpenAPI document. Routes still declare @Public() or @Roles(...): deny by default.
 */
export function WebController(path = ''): ClassDecorator {
  return applyDecorators(
    Controller(path),
    SetMetadata(WEB_KEY, true),
    UseFilters(WebErrorFilter),
    UseInterceptors(WebRenderInterceptor),
    ApiExcludeController(),
  );
}
