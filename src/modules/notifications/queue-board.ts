import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokens } from '../../common/auth/access-tokens';
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
      response
        .status(401)
        .json({ code: 'AUTH.UNAUTHENTICATED', message: 'A valid admin access token is required', details: {} });
      return;
    }
    if (!user.roles.includes('admin')) {
      response
        .status(403)
        .json({ code: 'AUTH.FORBIDDEN', message: 'Only admins may open the queue dashboard', details: {} });
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
