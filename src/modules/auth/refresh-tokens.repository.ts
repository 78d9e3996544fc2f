import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  async insert(
    em: EntityManager,
    token: Pick<RefreshToken, 'id' | 'userId' | 'familyId' | 'secretHash'>,
    ttlDays: number,
  ): Promise<void> {
    await em.query(
      `INSERT INTO refresh_tokens (id, user_id, family_id, secret_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
      [token.id, token.userId, token.familyId, token.secretHash, ttlDays],
    );
  }

  /** Locks the token row so two refreshes with the same token are decided one after the other. */
  async findForUpdate(em: EntityManager, id: string): Promise<(RefreshToken & { expired: boolean }) | null> {
    const rows: (RefreshToken & { expired: boolean })[] = await em.query(
      `SELECT id, user_id AS "userId", family_id AS "familyId", secret_hash AS "secretHash",
              used_at AS "usedAt", revoked_at AS "revokedAt", expires_at <= now() AS expired
         FROM refresh_tokens WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markUsed(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<number> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
    return count;
  }
}
