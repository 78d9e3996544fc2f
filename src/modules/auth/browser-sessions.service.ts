import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthService } from './auth.service';
import { BrowserSessionsRepository, LiveSession, SessionListing } from './browser-sessions.repository';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The secret a browser holds: 32 random bytes, base64url. Anything else never reaches the database. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions of browsers signed in to the web pages. Sign-in checks the password with the same limits
 * as the API's login and always starts a new session with a new secret (so a secret planted before
 * sign-in is worth nothing); sign-out revokes it, so a copied cookie is refused afterwards.
 */
@Injectable()
export class BrowserSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: BrowserSessionsRepository,
  ) {}

  /** Checks the password and starts a session; returns the secret for the cookie. */
  async signIn(email: string, password: string, ip: string, userAgent: string | undefined): Promise<string> {
    const user = await this.auth.checkCredentials(email, password, ip);
    return this.start(user.id, userAgent);
  }

  /** Starts a session for a person who has just proved who they are (registration, sign-in). */
  async start(userId: string, userAgent: string | undefined): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    await this.sessions.insert(
      this.dataSource.manager,
      { userId, secretHash: sha256(secret), userAgent: userAgent?.slice(0, 200) ?? null },
      this.config.webSessionAbsoluteHours,
    );
    return secret;
  }

  /** The live session a cookie's secret opens, or null. Records that it was seen, at most once a minute. */
  async resolve(secret: string): Promise<LiveSession | null> {
    if (!SECRET_SHAPE.test(secret)) return null;
    const session = await this.sessions.findLive(sha256(secret), this.config.webSessionIdleMinutes);
    if (session?.stale) await this.sessions.touch(session.id);
    return session;
  }

  async signOut(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  /** Ends every other session of the person; the one they are using stays. */
  async signOutElsewhere(userId: string, currentSessionId: string): Promise<number> {
    return this.sessions.revokeAllOfUser(this.dataSource, userId, currentSessionId);
  }

  async endOne(userId: string, sessionId: string): Promise<boolean> {
    return (await this.sessions.revokeOwn(userId, sessionId)) > 0;
  }

  list(userId: string): Promise<SessionListing[]> {
    return this.sessions.listLive(userId, this.config.webSessionIdleMinutes);
  }
}
