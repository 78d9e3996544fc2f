import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/auth/role';
import { escapeLike } from '../../database/sql';
import { Contact } from './domain/contact';
import { Language } from './domain/language';
import { User } from './entities/user.entity';

export interface UserListFilter {
  role?: Role;
  search?: string;
  limit: number;
  offset: number;
}

/**
 * A phone number's digits in one form, in SQL (8 701... reads as 7701...): the expression the
 * index IX_users_phone_digits is built on, so a search by phone is a lookup.
 */
export const phoneDigitsOf = (column: string): string =>
  `regexp_replace(regexp_replace(${column}, '[^0-9]', '', 'g'), '^8([0-9]{10})$', '7\\1')`;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, user: Partial<User>): Promise<User> {
    const created = em.create(User, user);
    return em.save(User, created);
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { id });
  }

  async findByIdForUpdate(em: EntityManager, id: string): Promise<User | null> {
    return em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Active applicant accounts with this address or phone number (a family may share a phone),
   * phone numbers compared by their digits in one form (see domain/contact.ts and phoneDigitsOf).
   */
  async findApplicantsByContact(contact: Contact, limit: number): Promise<User[]> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.active AND :role = ANY(u.roles)', { role: 'applicant' })
      .orderBy('u.fullName', 'ASC')
      .take(limit);
    if ('email' in contact) query.andWhere('u.email = :email', { email: contact.email });
    else query.andWhere(`${phoneDigitsOf('u.phone')} = :digits`, { digits: contact.phoneDigits });
    return query.getMany();
  }

  /** Only the column: read when an error is answered, so it stays one index lookup. */
  async preferredLanguageOf(id: string): Promise<Language | null> {
    const row = await this.dataSource.manager.findOne(User, { select: { preferredLanguage: true }, where: { id } });
    return row?.preferredLanguage ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.dataSource.manager.findOneBy(User, { email: email.toLowerCase() });
  }

  async list(filter: UserListFilter): Promise<[User[], number]> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'ASC')
      .addOrderBy('u.id');
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.search) {
      query.andWhere('(u.email ILIKE :search OR u.fullName ILIKE :search)', {
        search: `%${escapeLike(filter.search)}%`,
      });
    }
    return query.take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  async update(em: EntityManager, id: string, changes: Partial<User>): Promise<void> {
    await em.update(User, { id }, changes);
  }

  /** Compare-and-set: confirms the address once; false if it was already confirmed. */
  async confirmEmail(em: EntityManager, id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      'UPDATE users SET email_confirmed_at = now(), updated_at = now() WHERE id = $1 AND email_confirmed_at IS NULL',
      [id],
    );
    return count === 1;
  }

  async setPasswordHash(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
  }

  /** Compare-and-set: replaces the hash only if it is still the one the caller checked the password against. */
  async swapPasswordHash(em: EntityManager, id: string, expectedHash: string, passwordHash: string): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      'UPDATE users SET password_hash = $3, updated_at = now() WHERE id = $1 AND password_hash = $2',
      [id, expectedHash, passwordHash],
    );
    return count === 1;
  }

  /**
   * Ends every session of the person (their refresh tokens and browser sessions; access tokens
   * lapse within minutes), except the browser session `keepBrowserSessionId` when one is named.
   */
  async revokeSessions(em: EntityManager, userId: string, keepBrowserSessionId?: string): Promise<void> {
    await em.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    await em.query(
      `UPDATE browser_sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keepBrowserSessionId ?? null],
    );
  }

  /** Locks every active admin row, so two requests cannot each remove a different last admin. */
  async lockActiveAdmins(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async anyAdminExists(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM users WHERE 'admin' = ANY(roles) LIMIT 1`);
    return rows.length > 0;
  }
}
