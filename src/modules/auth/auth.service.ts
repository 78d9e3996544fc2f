import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokens } from '../../common/auth/access-tokens';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { User } from '../users/entities/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UserErrors } from '../users/users.errors';
import { UsersQueryService } from '../users/users-query.service';
import { NewUser, UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';
import { AuthLimits } from './auth-limits';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface Session {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersQueryService,
    private readonly usersService: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly limits: AuthLimits,
    private readonly links: AccountLinksService,
  ) {}

  /** Creates the applicant, the confirmation mail and a session, all in one transaction. */
  async register(input: Omit<NewUser, 'roles'>, ip: string): Promise<Session> {
    await this.limits.beginRegistration(ip);
    // Cheap check before the expensive hash; the unique index still decides races.
    if (await this.users.findByEmail(input.email)) throw new DomainError(UserErrors.EMAIL_TAKEN);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (em) => {
      const user = await this.usersService.insert(em, { ...input, roles: ['applicant'] }, passwordHash, null);
      await this.links.sendConfirmation(em, user);
      return this.startSession(em, user, randomUUID());
    });
  }

  async login(email: string, password: string, ip: string): Promise<Session> {
    const user = await this.checkCredentials(email, password, ip);
    return this.dataSource.transaction((em) => this.startSession(em, user, randomUUID()));
  }

  /** The password check behind every sign-in (API and web), under the same limits. */
  async checkCredentials(email: string, password: string, ip: string): Promise<User> {
    await this.limits.beginLogin(email, ip);
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw new DomainError(AuthErrors.INVALID_CREDENTIALS);
    if (!user.active) throw new DomainError(AuthErrors.ACCOUNT_DISABLED);
    await this.limits.loginSucceeded(email, ip);
    return user;
  }

  /**
   * Rotates a refresh token. A token used twice was stolen or replayed: the whole family is
   * revoked (committed) and the caller gets AUTH.REFRESH_TOKEN_REUSED.
   */
  async refresh(presented: string): Promise<Session> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw new DomainError(AuthErrors.INVALID_REFRESH_TOKEN);
    const { id, secret } = parsed;
    const outcome = await this.dataSource.transaction(
      async (em): Promise<{ error: ErrorSpec } | { session: Session }> => {
        const token = await this.refreshTokens.findForUpdate(em, id);
        if (!token || !sameHash(token.secretHash, sha256(secret))) return { error: AuthErrors.INVALID_REFRESH_TOKEN };
        if (token.revokedAt || token.expired) return { error: AuthErrors.INVALID_REFRESH_TOKEN };
        if (token.usedAt) {
          await this.refreshTokens.revokeFamily(em, token.familyId);
          return { error: AuthErrors.REFRESH_TOKEN_REUSED };
        }
        await this.refreshTokens.markUsed(em, token.id);
        const user = await this.users.findById(token.userId, em);
        if (!user?.active) {
          await this.refreshTokens.revokeFamily(em, token.familyId);
          return { error: AuthErrors.ACCOUNT_DISABLED };
        }
        return { session: await this.startSession(em, user, token.familyId) };
      },
    );
    if ('error' in outcome) throw new DomainError(outcome.error);
    return outcome.session;
  }

  /** Ends the login the token belongs to (every token of its family). Unknown tokens are ignored. */
  async logout(presented: string): Promise<void> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) return;
    const { id, secret } = parsed;
    await this.dataSource.transaction(async (em) => {
      const token = await this.refreshTokens.findForUpdate(em, id);
      if (token && sameHash(token.secretHash, sha256(secret)))
        await this.refreshTokens.revokeFamily(em, token.familyId);
    });
  }

  private async startSession(em: EntityManager, user: User, familyId: string): Promise<Session> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert(
      em,
      { id, userId: user.id, familyId, secretHash: sha256(secret) },
      this.config.refreshTokenTtlDays,
    );
    return {
      user,
      accessToken: this.accessTokens.sign({ id: user.id, roles: user.roles }),
      refreshToken: `${id}.${secret}`,
      expiresIn: this.accessTokens.ttlSeconds,
    };
  }
}

/** A refresh token is `<uuid>.<secret>`; anything else is refused before it reaches the database. */
function parseRefreshToken(presented: string): { id: string; secret: string } | null {
  const [id, secret, ...rest] = presented.split('.');
  return id && secret && rest.length === 0 && isUUID(id) ? { id, secret } : null;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
