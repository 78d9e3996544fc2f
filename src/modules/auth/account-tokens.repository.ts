import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountTokenPurpose } from './entities/account-token.entity';

export type Consumed = { userId: string } | { problem: 'unknown' | 'used' | 'expired' };

@Injectable()
export class AccountTokensRepository {
  async create(
    em: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    ttlMinutes: number,
  ): Promise<{ id: string; expiresAt: Date }> {
    const [row]: { id: string; expiresAt: Date }[] = await em.query(
      `INSERT INTO account_tokens (user_id, purpose, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))
       RETURNING id, expires_at AS "expiresAt"`,
      [userId, purpose, ttlMinutes],
    );
    return row;
  }

  /** Spends every other open token of this purpose (an older reset link must not work afterwards). */
  async spendAll(em: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await em.query(
      'UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
      [userId, purpose],
    );
  }

  /** Single use, decided by compare-and-set: of two parallel uses, one wins. */
  async consume(em: EntityManager, id: string, purpose: AccountTokenPurpose): Promise<Consumed> {
    const [used]: [{ userId: string }[], number] = await em.query(
      `UPDATE account_tokens SET used_at = now()
        WHERE id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING user_id AS "userId"`,
      [id, purpose],
    );
    if (used[0]) return { userId: used[0].userId };
    const rows: { usedAt: Date | null }[] = await em.query(
      'SELECT used_at AS "usedAt" FROM account_tokens WHERE id = $1 AND purpose = $2',
      [id, purpose],
    );
    if (!rows[0]) return { problem: 'unknown' };
    return { problem: rows[0].usedAt ? 'used' : 'expired' };
  }
}
