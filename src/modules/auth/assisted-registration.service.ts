import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UserErrors } from '../users/users.errors';
import { UsersQueryService } from '../users/users-query.service';
import { NewUser, UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';

/** What a manager writes down for a walk-in applicant who has no account. */
export type WalkInApplicant = Omit<NewUser, 'roles' | 'password'>;

/**
 * Assisted intake for a person with no account: a manager at the akimat office opens an applicant
 * account for them. The email address is required, as for every account (it is how a person signs
 * in and gets mail); nobody knows the password the account starts with, and the person gets a
 * mail in their language with a link to choose their own.
 */
@Injectable()
export class AssistedRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersQueryService,
    private readonly accounts: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly links: AccountLinksService,
  ) {}

  /** The account (audited as created by the manager) and the invitation, in one transaction. */
  async registerApplicant(actor: AuthUser, input: WalkInApplicant): Promise<User> {
    return this.invite(actor, { ...input, roles: ['applicant'] });
  }

  /**
   * An admin opens a staff account (any roles): nobody, the admin included, knows a password of
   * it; the person chooses one through the same invitation mail.
   */
  async invite(actor: AuthUser, input: Omit<NewUser, 'password'>): Promise<User> {
    // Cheap check before the expensive hash; the unique index still decides races.
    if (await this.users.findByEmail(input.email)) throw new DomainError(UserErrors.EMAIL_TAKEN);
    const passwordHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
    return this.dataSource.transaction(async (em) => {
      const user = await this.accounts.insert(em, input, passwordHash, actor.id);
      await this.links.sendPasswordInvite(em, user, actor.id);
      return user;
    });
  }
}
