import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokens } from '../../common/auth/access-tokens';
import { AuthErrors } from '../../common/errors/common.errors';
import { errorMessage } from '../../common/i18n/error-message';
import { DEFAULT_API_LANGUAGE, negotiateLanguage } from '../../common/i18n/negotiate-language';
import { NotificationsQueue } from './notifications.queue';

export const BOARD_PATH = '/admin/queues';
const COOKIE = 'queue_board_token';

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The BullMQ dashboard, for admins only, read-only: changes go through the audited admin API. A browser opens `/admin/queues?token=<access token>`
 * once: the token moves into an HttpOnly cookie limited to this path, and the address is cleaned.
 * API clients may send the usual `Authorization: Bearer` header instead.
 */
/** The error shape, its message by Accept-Language (the dashboard is outside Nest and its filter). */
function refuse(request: Request, response: Response, status: number, code: string): void {
  const language = negotiateLanguage(request.headers['accept-language']) ?? DEFAULT_API_LANGUAGE;
  response.vary('Accept-Language').setHeader('Content-Language', language);
  response.status(status).json({ code, message: errorMessage(code, language), details: {} });
}

export function mountQueueBoard(app: INestApplication): void {
  const tokens = app.get(AccessTokens);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(app.get(NotificationsQueue).queue, { readOnlyMode: true })],
    serverAdapter: adapter,
  });

  const guard = (request: Request, response: Response, next: NextFunction): void => {
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
    const header = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    const user = tokens.verify(fromQuery ?? header ?? cookie(request, COOKIE) ?? '');
    if (!user) {
      refuse(request, response, 401, AuthErrors.UNAUTHENTICATED.code);
      return;
    }
    if (!user.roles.includes('admin')) {
      refuse(request, response, 403, AuthErrors.FORBIDDEN.code);
      return;
    }
    if (fromQuery) {
      response.cookie(COOKIE, fromQuery, {
        httpOnly: true,
        sameSite: 'strict',
        path: BOARD_PATH,
        secure: request.secure,
      });
      response.redirect(302, BOARD_PATH);
      return;
    }
    next();
  };
  app.use(BOARD_PATH, guard, adapter.getRouter());
}
