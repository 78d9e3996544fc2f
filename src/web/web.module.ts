import { Module } from '@nestjs/common';
import { BROWSER_AUTHENTICATOR } from '../common/auth/browser-authenticator';
import { AuthModule } from '../modules/auth/auth.module';
import { CompetitionsModule } from '../modules/competitions/competitions.module';
import { UsersModule } from '../modules/users/users.module';
import { LanguageController } from './account/language.controller';
import { SignInController } from './account/sign-in.controller';
import { AssetCatalog } from './assets/asset-catalog';
import { AssetsController } from './assets/assets.controller';
import { HomeController } from './public/home.controller';
import { WebErrorFilter } from './render/web-error.filter';
import { WebPages } from './render/web-pages';
import { WebRenderInterceptor } from './render/web-render.interceptor';
import { BrowserRequests } from './session/browser-requests';

/**
 * The web interface: pages rendered on the server from the same services the JSON API calls,
 * sessions by cookie with CSRF tokens, in Kazakh, Russian and English.
 */
@Module({
  imports: [UsersModule, AuthModule, CompetitionsModule],
  controllers: [AssetsController, HomeController, SignInController, LanguageController],
  providers: [
    { provide: AssetCatalog, useFactory: () => new AssetCatalog() },
    WebPages,
    WebRenderInterceptor,
    WebErrorFilter,
    BrowserRequests,
    { provide: BROWSER_AUTHENTICATOR, useExisting: BrowserRequests },
  ],
  exports: [BROWSER_AUTHENTICATOR],
})
export class WebModule {}
