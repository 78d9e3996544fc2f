import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

/** Reads of accounts offered to other modules (auth signs people in and sends links by them). */
@Injectable()
export class UsersQueryService {
  constructor(private readonly users: UsersRepository) {}

  async findById(id: string, em?: EntityManager): Promise<User | null> {
    return this.users.findById(id, em);
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }
}
