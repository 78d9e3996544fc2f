import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../redis/redis.module';

/**
 * Counts failed logins per account and per client address in Redis, so every api replica sees the
 * same counts. If Redis is unreachable the check is skipped (logged): logging in stays possible
 * during a Redis outage, and argon2's cost still slows guessing.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): [string, string] {
    const prefix = this.config.redisPrefix;
    return [`${prefix}:login-fail:account:${email}`, `${prefix}:login-fail:ip:${ip}`];
  }

  /** Seconds to wait before trying again, or 0 when the attempt may go ahead. */
  async retryAfter(email: string, ip: string): Promise<number> {
    try {
      const [accountKey, ipKey] = this.keys(email, ip);
      const results = await this.redis.multi().get(accountKey).ttl(accountKey).get(ipKey).ttl(ipKey).exec();
      const [accountCount, accountTtl, ipCount, ipTtl] = (results ?? []).map(([, value]) => Number(value ?? 0));
      const max = this.config.loginMaxFailures;
      if (accountCount >= max) return Math.max(accountTtl, 1);
      if (ipCount >= max * 4) return Math.max(ipTtl, 1);
      return 0;
    } catch (error) {
      this.logger.warn({ err: error }, 'Login throttle unavailable; allowing the attempt');
      return 0;
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.loginWindowSeconds;
    try {
      const [accountKey, ipKey] = this.keys(email, ip);
      await this.redis.multi().incr(accountKey).expire(accountKey, window, 'NX').incr(ipKey).expire(ipKey, window, 'NX').exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not record a failed login');
    }
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.redis.del(this.keys(email, ip)[0]).catch(() => undefined);
  }
}
