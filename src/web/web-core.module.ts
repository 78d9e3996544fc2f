import { Module } from '@nestjs/common';
import { BROWSER_AUTHENTICATOR } from '../common/auth/browser-authenticator';
import { HTML_ERROR_PAGES } from '../common/errors/html-error-pages';
import { AuthModule } from '../modules/auth/auth.module';
import { AssetCatalog } from './assets/asset-catalog';
import { AssetsController } from './assets/assets.controller';
import { WebErrorFilter } from './render/web-error.filter';
import { WebPages } from './render/web-pages';
import { WebRenderInterceptor } from './render/web-render.interceptor';
import { BrowserRequests } from './session/browser-requests';

/** What every area of pages needs: sessions, rendering, error pages, the assets. Each area module imports it. */
@Module({
  imports: [AuthModule],
  controllers: [AssetsController],
  providers: [
    { provide: AssetCatalog, useFactory: () => new AssetCatalog() },
    WebPages,
    WebRenderInterceptor,
    WebErrorFilter,
    BrowserRequests,
    { provide: BROWSER_AUTHENTICATOR, useExisting: BrowserRequests },
    { provide: HTML_ERROR_PAGES, useExisting: WebErrorFilter },
  ],
  exports: [
    AssetCatalog,
    WebPages,
    WebRenderInterceptor,
    WebErrorFilter,
    BrowserRequests,
    BROWSER_AUTHENTICATOR,
    HTML_ERROR_PAGES,
  ],
})
export class WebCoreModule {}
