import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/auth/role';
import { Language } from '../users/domain/language';

/** The signed-in person a live session speaks for, as the web pages need them on every request. */
export interface LiveSession {
  id: string;
  userId: string;
  roles: Role[];
  fullName: string;
  preferredLanguage: Language;
  /** True when last_seen_at is older than a minute: the request should record that it saw it. */
  stale: boolean;
}

export interface SessionListing {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

@Injectable()
export class BrowserSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    em: EntityManager,
    row: { userId: string; secretHash: string; userAgent: string | null },
    absoluteHours: number,
  ): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO browser_sessions (user_id, secret_hash, user_agent, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id`,
      [row.userId, row.secretHash, row.userAgent, absoluteHours],
    );
    return rows[0].id;
  }

  /** The session with this secret if it is live: not revoked, not past either expiry, its person active. */
  async findLive(secretHash: string, idleMinutes: number): Promise<LiveSession | null> {
    const rows: LiveSession[] = await this.dataSource.query(
      `SELECT s.id, s.user_id AS "userId", u.roles, u.full_name AS "fullName",
              u.preferred_language AS "preferredLanguage", s.last_seen_at < now() - interval '1 minute' AS stale
         FROM browser_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.secret_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
      [secretHash, idleMinutes],
    );
    return rows[0] ?? null;
  }

  async touch(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE browser_sessions SET last_seen_at = now() WHERE id = $1`, [id]);
  }

  async revoke(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE browser_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      id,
    ]);
  }

  /** Revokes one of the person's own sessions; another person's id changes nothing. */
  async revokeOwn(userId: string, id: string): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE browser_sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId],
    );
    return count;
  }

  async revokeAllOfUser(em: EntityManager | DataSource, userId: string, exceptId?: string): Promise<number> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE browser_sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, exceptId ?? null],
    );
    return count;
  }

  async listLive(userId: string, idleMinutes: number): Promise<SessionListing[]> {
    return this.dataSource.query(
      `SELECT id, user_agent AS "userAgent", created_at AS "createdAt", last_seen_at AS "lastSeenAt"
         FROM browser_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          AND last_seen_at > now() - make_interval(mins => $2)
        ORDER BY last_seen_at DESC LIMIT 50`,
      [userId, idleMinutes],
    );
  }
}
