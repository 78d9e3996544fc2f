import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { VNode } from 'preact';
import { AssetCatalog } from '../assets/asset-catalog';
import { negotiateLanguage } from '../i18n/negotiate';
import { translator } from '../i18n/translator';
import { WebRequest } from '../session/web-request';
import { sendPage } from './html-response';
import { PageContext } from './page-context';

/** Builds a page's context from its request and sends it: the one way HTML leaves the web layer. */
@Injectable()
export class WebPages {
  constructor(readonly assets: AssetCatalog) {}

  context(request: WebRequest): PageContext {
    // Before the browser authenticator ran (an error in it, an unknown path) the page still speaks
    // the visitor's language and has a nonce, only without a session or a form token.
    const web = request.web ?? {
      nonce: randomBytes(16).toString('base64'),
      language: negotiateLanguage(request.headers['accept-language']) ?? 'kk',
      session: null,
      csrfToken: '',
    };
    return {
      language: web.language,
      t: translator(web.language),
      nonce: web.nonce,
      csrfToken: web.csrfToken,
      path: request.originalUrl.slice(0, 500),
      user: web.session ? { name: web.session.fullName, roles: web.session.roles } : null,
      assets: this.assets.urls,
    };
  }

  send(request: WebRequest, response: Response, body: VNode, status = 200): void {
    sendPage(response, this.context(request), body, status);
  }
}
