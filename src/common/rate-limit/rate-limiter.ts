import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../redis/redis.module';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in Redis, shared by every api replica. An attempt is counted before the
 * work it guards (INCR first, atomically), so parallel requests cannot slip past the limit. If
 * Redis is unreachable the limit is skipped and logged: the service stays usable during an outage.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every counter under one hash tag (the one BullMQ's keys carry): a MULTI over several keys must
   * stay in one slot, or Redis Cluster refuses it and the limits would silently stop.
   */
  private full(key: string): string {
    return `{${this.config.redisPrefix}}:rate:${key}`;
  }

  /** Counts one attempt against every limit; returns 0 when allowed, else seconds to wait. */
  async consume(limits: Limit[]): Promise<number> {
    try {
      const multi = this.redis.multi();
      for (const limit of limits)
        multi
          .incr(this.full(limit.key))
          .expire(this.full(limit.key), limit.windowSeconds, 'NX')
          .ttl(this.full(limit.key));
      const results = (await multi.exec()) ?? [];
      let wait = 0;
      limits.forEach((limit, i) => {
        const count = Number(results[i * 3]?.[1] ?? 0);
        const ttl = Number(results[i * 3 + 2]?.[1] ?? limit.windowSeconds);
        if (count > limit.max) wait = Math.max(wait, ttl > 0 ? ttl : limit.windowSeconds);
      });
      return wait;
    } catch (error) {
      this.logger.warn({ err: error }, 'Rate limiter unavailable; allowing the attempt');
      return 0;
    }
  }

  /** Gives attempts back (a successful sign-in should not count against the address). */
  async refund(keys: string[], forget: string[] = []): Promise<void> {
    try {
      const multi = this.redis.multi();
      for (const key of keys) multi.decr(this.full(key));
      if (forget.length) multi.del(...forget.map((key) => this.full(key)));
      await multi.exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'Rate limiter unavailable; could not refund');
    }
  }
}
