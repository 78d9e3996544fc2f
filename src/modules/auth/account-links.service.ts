import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LINK_PURPOSE, verifyLinkToken } from '../../common/auth/link-tokens';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { RateLimiter } from '../../common/rate-limit/rate-limiter';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { Outbox } from '../notifications/outbox.service';
import { User } from '../users/entities/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UserErrors } from '../users/users.errors';
import { UsersQueryService } from '../users/users-query.service';
import { UsersService } from '../users/users.service';
import { AccountTokensRepository, Consumed } from './account-tokens.repository';

export type ConfirmOutcome = 'confirmed' | 'already_confirmed';

const PROBLEM: Record<'unknown' | 'used' | 'expired', ErrorSpec> = {
  unknown: AuthErrors.INVALID_LINK,
  used: AuthErrors.LINK_USED,
  expired: AuthErrors.LINK_EXPIRED,
};

/** Emailed, single-use links: confirming an address, resetting a password. */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccountTokensRepository,
    private readonly users: UsersQueryService,
    private readonly accounts: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  /** In the caller's transaction: a confirmation token and the mail that carries its link. */
  async sendConfirmation(em: EntityManager, user: User): Promise<void> {
    const token = await this.tokens.create(em, user.id, 'confirm_email', this.config.emailTokenTtlHours * 60);
    await this.outbox.add(em, {
      recipientId: user.id,
      type: 'account.registered',
      data: { tokenId: token.id, expiresAt: token.expiresAt.toISOString() },
      dedupeKey: `account.registered:${token.id}`,
    });
  }

  /**
   * In the caller's transaction: the invitation of a person whose account staff opened for them
   * (assisted intake) to choose their password: the password-reset link, in a mail that says why,
   * valid as long as a confirmation link since the person may read it days later at home.
   */
  async sendPasswordInvite(em: EntityManager, user: User, actorId: string): Promise<void> {
    const token = await this.tokens.create(em, user.id, 'reset_password', this.config.emailTokenTtlHours * 60);
    await this.outbox.add(em, {
      recipientId: user.id,
      type: 'account.invited',
      data: { tokenId: token.id, expiresAt: token.expiresAt.toISOString() },
      dedupeKey: `account.invited:${token.id}`,
    });
    await this.audit.record(em, { actorId, action: 'user.invited', entityType: 'user', entityId: user.id });
  }

  async resendConfirmation(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(UserErrors.NOT_FOUND);
    if (user.emailConfirmedAt) throw new DomainError(AuthErrors.EMAIL_ALREADY_CONFIRMED);
    await this.limit(`confirm-resend:${userId}`, 5);
    await this.dataSource.transaction((em) => this.sendConfirmation(em, user));
  }

  async confirmEmail(token: string): Promise<ConfirmOutcome> {
    const id = this.tokenId(LINK_PURPOSE.confirmEmail, token);
    return this.dataSource.transaction(async (em) => {
      const consumed = await this.tokens.consume(em, id, 'confirm_email');
      const userId = this.userOf(consumed);
      if (!(await this.accounts.confirmEmail(em, userId))) return 'already_confirmed';
      await this.audit.record(em, {
        actorId: userId,
        action: 'user.email_confirmed',
        entityType: 'user',
        entityId: userId,
        after: { emailConfirmed: true },
      });
      return 'confirmed';
    });
  }

  /** Answers the same whether or not the address has an account, so it reveals nothing. */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.limit(`reset:address:${ip}`, 10);
    await this.limit(`reset:account:${email}`, 3);
    const user = await this.users.findByEmail(email);
    if (!user?.active) return;
    await this.dataSource.transaction(async (em) => {
      const token = await this.tokens.create(em, user.id, 'reset_password', this.config.resetTokenTtlMinutes);
      await this.outbox.add(em, {
        recipientId: user.id,
        type: 'password.reset',
        data: { tokenId: token.id, expiresAt: token.expiresAt.toISOString() },
        dedupeKey: `password.reset:${token.id}`,
      });
      await this.audit.record(em, {
        actorId: user.id,
        action: 'user.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  /** Sets the new password, spends every other reset link and ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<void> {
    const id = this.tokenId(LINK_PURPOSE.resetPassword, token);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (em) => {
      const userId = this.userOf(await this.tokens.consume(em, id, 'reset_password'));
      await this.tokens.spendAll(em, userId, 'reset_password');
      await this.accounts.replacePassword(em, userId, passwordHash);
      await this.audit.record(em, {
        actorId: userId,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: userId,
      });
    });
  }

  private tokenId(purpose: string, token: string): string {
    const id = verifyLinkToken(this.config.jwtSecret, purpose, token);
    if (!id) throw new DomainError(AuthErrors.INVALID_LINK);
    return id;
  }

  private userOf(consumed: Consumed): string {
    if ('problem' in consumed) throw new DomainError(PROBLEM[consumed.problem]);
    return consumed.userId;
  }

  private async limit(key: string, perHour: number): Promise<void> {
    const retryAfterSeconds = await this.limiter.consume([{ key, max: perHour, windowSeconds: 3600 }]);
    if (retryAfterSeconds > 0) throw new DomainError(AuthErrors.TOO_MANY_ATTEMPTS, { retryAfterSeconds });
  }
}
