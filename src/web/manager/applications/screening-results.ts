import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { BulkOutcome } from '../../../modules/applications/application-screening.service';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { REDIS } from '../../../redis/redis.module';

/** How long the outcome of a bulk screening stays readable at its address. */
const KEEP_SECONDS = 3600;

interface Kept {
  actorId: string;
  competitionId: string;
  outcomes: BulkOutcome[];
}

/**
 * The outcome of one bulk screening, kept for an hour in Redis under a random key, so the POST can
 * redirect (POST-redirect-GET) to a page that lists each application's outcome; only the manager
 * who screened reads it. What was decided is in the database and the audit log either way: this is
 * only the receipt of one request.
 */
@Injectable()
export class ScreeningResults {
  private readonly logger = new Logger(ScreeningResults.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The key of the kept outcome, or null when Redis did not take it (the caller shows it at once). */
  async keep(actorId: string, competitionId: string, outcomes: BulkOutcome[]): Promise<string | null> {
    const key = randomUUID();
    const kept: Kept = { actorId, competitionId, outcomes };
    try {
      await this.redis.set(this.keyOf(key), JSON.stringify(kept), 'EX', KEEP_SECONDS);
      return key;
    } catch (error) {
      this.logger.warn(`A bulk screening's outcome was not kept: ${String(error)}`);
      return null;
    }
  }

  /** The outcome kept under the key for this manager and competition; null when gone, or someone else's. */
  async read(actorId: string, competitionId: string, key: string): Promise<BulkOutcome[] | null> {
    if (!/^[0-9a-f-]{36}$/.test(key)) return null;
    const text = await this.redis.get(this.keyOf(key)).catch(() => null);
    if (!text) return null;
    const kept = JSON.parse(text) as Kept;
    return kept.actorId === actorId && kept.competitionId === competitionId ? kept.outcomes : null;
  }

  private keyOf(key: string): string {
    return `{${this.config.redisPrefix}}:web:screening:${key}`;
  }
}
