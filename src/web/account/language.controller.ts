import { Body, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/auth/access.decorators';
import { DomainError } from '../../common/errors/domain-error';
import { UsersService } from '../../modules/users/users.service';
import { isLanguage } from '../i18n/negotiate';
import { readForm } from '../render/form-input';
import { RedirectResult, safeLocalPath, seeOther } from '../render/web-result';
import { BrowserRequests } from '../session/browser-requests';
import { WebRequest } from '../session/web-request';
import { WebController } from '../web-controller';
import { WebErrors } from '../web.errors';

/** The language switch on every page: remembered in a cookie, and in the profile of a signed-in person. */
@WebController()
export class LanguageController {
  constructor(
    private readonly users: UsersService,
    private readonly browser: BrowserRequests,
  ) {}

  @Post('language')
  @Public()
  @HttpCode(200)
  async change(
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RedirectResult> {
    const input = readForm(body, ['language', 'next'], 600);
    if (!isLanguage(input.language)) throw new DomainError(WebErrors.FORM_INVALID, { field: 'language' });
    const session = request.web?.session;
    if (session) await this.users.update(session.userId, session.userId, { preferredLanguage: input.language });
    this.browser.rememberLanguage(response, input.language);
    return seeOther(safeLocalPath(input.next));
  }
}
