import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError } from '../../common/errors/domain-error';
import { RateLimiter } from '../../common/rate-limit/rate-limiter';
import { AuditService } from '../audit/audit.service';
import { Language } from './domain/language';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UserErrors } from './users.errors';
import { UsersRepository } from './users.repository';

/** What a person may change of their own account; `null` clears the phone or the home village. */
export interface OwnProfileChanges {
  fullName?: string;
  phone?: string | null;
  preferredLanguage?: Language;
  homeVillageId?: string | null;
}

/** Wrong current passwords a signed-in person may give per hour before the change is refused for a while. */
const PASSWORD_CHANGE_FAILURES_PER_HOUR = 5;

/**
 * The self-service of an account, the same for the JSON API (`PATCH /me`, `POST /me/password`) and
 * the profile page. Each change is audited in its own transaction; the audit keeps no name or
 * phone (observers read it), only which of them changed.
 */
@Injectable()
export class OwnAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  async updateOwnProfile(userId: string, changes: OwnProfileChanges): Promise<User> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.users.findByIdForUpdate(em, userId);
      if (!user) throw new DomainError(UserErrors.NOT_FOUND);
      const before = { preferredLanguage: user.preferredLanguage, homeVillageId: user.homeVillageId };
      const changed = (Object.keys(changes) as (keyof OwnProfileChanges)[]).filter(
        (field) => changes[field] !== undefined && changes[field] !== user[field],
      );
      if (changed.length === 0) return user;
      for (const field of changed) Object.assign(user, { [field]: changes[field] });
      await this.users.update(em, userId, {
        fullName: user.fullName,
        phone: user.phone,
        preferredLanguage: user.preferredLanguage,
        homeVillageId: user.homeVillageId,
      });
      await this.audit.record(em, {
        actorId: userId,
        action: 'user.profile_updated',
        entityType: 'user',
        entityId: userId,
        before,
        after: { preferredLanguage: user.preferredLanguage, homeVillageId: user.homeVillageId, changed },
      });
      return user;
    });
  }

  /**
   * Checks the current password (wrong guesses are limited per account), sets the new one and ends
   * every other session: all refresh tokens, and every browser session but `keepBrowserSessionId`
   * (the page the person is using), so a thief holding an old session is out.
   */
  async changeOwnPassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    keepBrowserSessionId?: string,
  ): Promise<void> {
    const limitKey = `password-change:${userId}`;
    const retryAfterSeconds = await this.limiter.consume([
      { key: limitKey, max: PASSWORD_CHANGE_FAILURES_PER_HOUR, windowSeconds: 3600 },
    ]);
    if (retryAfterSeconds > 0) throw new DomainError(AuthErrors.TOO_MANY_ATTEMPTS, { retryAfterSeconds });
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(UserErrors.NOT_FOUND);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainError(UserErrors.WRONG_PASSWORD, { field: 'currentPassword' });
    }
    await this.limiter.refund([limitKey]);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      // Two changes racing with the same current password: the second finds the hash changed.
      if (!(await this.users.swapPasswordHash(em, userId, user.passwordHash, passwordHash))) {
        throw new DomainError(UserErrors.WRONG_PASSWORD, { field: 'currentPassword' });
      }
      await this.users.revokeSessions(em, userId, keepBrowserSessionId);
      await this.audit.record(em, {
        actorId: userId,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: userId,
      });
    });
  }
}
