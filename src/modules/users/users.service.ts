import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { Language } from '../../common/i18n/language';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UserErrors } from './users.errors';
import { UserListFilter, UsersRepository } from './users.repository';

export interface NewUser {
  email: string;
  password: string;
  fullName: string;
  phone?: string | null;
  preferredLanguage: Language;
  homeVillageId?: string | null;
  roles: Role[];
}

export interface UserChanges {
  roles?: Role[];
  active?: boolean;
  preferredLanguage?: Language;
  homeVillageId?: string;
}

/** What the audit log keeps of a person: no name, email or phone, since observers read it. */
const auditView = (user: User) => ({
  roles: user.roles,
  active: user.active,
  preferredLanguage: user.preferredLanguage,
  homeVillageId: user.homeVillageId,
});

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** Creates an account; `actorId` null means the person registered themselves. */
  async create(input: NewUser, actorId: string | null): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction((em) => this.insert(em, input, passwordHash, actorId));
  }

  /**
   * Inserts an account inside the caller's transaction (hash the password before opening it:
   * argon2 is slow), auditing it; a use case that adds more to the same change calls this.
   */
  async insert(
    em: EntityManager,
    input: Omit<NewUser, 'password'>,
    passwordHash: string,
    actorId: string | null,
  ): Promise<User> {
    const user = await this.users.insert(em, {
      email: input.email.toLowerCase(),
      passwordHash,
      fullName: input.fullName,
      phone: input.phone ?? null,
      preferredLanguage: input.preferredLanguage,
      homeVillageId: input.homeVillageId ?? null,
      roles: input.roles,
      emailConfirmedAt: null,
      active: true,
    });
    await this.audit.record(em, {
      actorId: actorId ?? user.id,
      action: actorId ? 'user.created' : 'user.registered',
      entityType: 'user',
      entityId: user.id,
      after: auditView(user),
    });
    return user;
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(UserErrors.NOT_FOUND);
    return user;
  }

  async list(filter: UserListFilter): Promise<[User[], number]> {
    return this.users.list(filter);
  }

  async update(actorId: string, id: string, changes: UserChanges): Promise<User> {
    return this.dataSource.transaction(async (em) => {
      const losesAdmin = changes.active === false || (changes.roles !== undefined && !changes.roles.includes('admin'));
      const activeAdmins = losesAdmin ? await this.users.lockActiveAdmins(em) : [];
      const user = await this.users.findByIdForUpdate(em, id);
      if (!user) throw new DomainError(UserErrors.NOT_FOUND);
      if (losesAdmin && activeAdmins.length === 1 && activeAdmins[0] === id) {
        throw new DomainError(UserErrors.LAST_ADMIN);
      }
      const before = auditView(user);
      Object.assign(user, {
        ...(changes.roles !== undefined && { roles: changes.roles }),
        ...(changes.active !== undefined && { active: changes.active }),
        ...(changes.preferredLanguage !== undefined && { preferredLanguage: changes.preferredLanguage }),
        ...(changes.homeVillageId !== undefined && { homeVillageId: changes.homeVillageId }),
      });
      await this.users.update(em, id, {
        roles: user.roles,
        active: user.active,
        preferredLanguage: user.preferredLanguage,
        homeVillageId: user.homeVillageId,
      });
      if (changes.active === false) await this.users.revokeSessions(em, id);
      await this.audit.record(em, {
        actorId,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after: auditView(user),
      });
      return user;
    });
  }

  /** Confirms the account's address once, in the caller's transaction; false when it was confirmed already. */
  async confirmEmail(em: EntityManager, userId: string): Promise<boolean> {
    return this.users.confirmEmail(em, userId);
  }

  /** Sets a new password (hashed by the caller) in the caller's transaction and ends every session of the account. */
  async replacePassword(em: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await this.users.setPasswordHash(em, userId, passwordHash);
    await this.users.revokeSessions(em, userId);
  }

  /** Creates the configured first admin if no account has that email yet. Safe to call on every start. */
  async ensureAdmin(email: string, password: string): Promise<User | null> {
    const existing = await this.users.findByEmail(email);
    if (existing) return null;
    return this.create(
      { email, password, fullName: 'Administrator', preferredLanguage: 'en', roles: ['admin'] },
      null,
    ).catch(async (error: unknown) => {
      // Two replicas starting together both try; the loser finds the winner's account.
      if (await this.users.findByEmail(email)) return null;
      throw error;
    });
  }
}
