import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PreferredLanguages } from '../../common/i18n/preferred-languages';
import { Contact } from './domain/contact';
import { Language } from './domain/language';
import { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

/**
 * Reads of accounts offered to other modules (auth signs people in and sends links by them), and to
 * the error filter (a person's language, read when an error is answered).
 */
@Injectable()
export class UsersQueryService implements PreferredLanguages {
  constructor(private readonly users: UsersRepository) {}

  async findById(id: string, em?: EntityManager): Promise<User | null> {
    return this.users.findById(id, em);
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  /** Applicant accounts a manager finds by the email or phone the person gives at the office. */
  async findApplicantsByContact(contact: Contact, limit = 10): Promise<User[]> {
    return this.users.findApplicantsByContact(contact, limit);
  }

  async preferredLanguageOf(userId: string): Promise<Language | null> {
    return this.users.preferredLanguageOf(userId);
  }
}
