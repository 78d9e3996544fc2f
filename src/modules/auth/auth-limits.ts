import { Inject, Injectable } from '@nestjs/common';
import { AuthErrors } from '../../common/errors/common.errors';
import { DomainError } from '../../common/errors/domain-error';
import { Limit, RateLimiter } from '../../common/rate-limit/rate-limiter';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * Limits on the anonymous entry points. Sign-in failures count per account and address (the
 * ordinary limit), per address (4x, against one source guessing many accounts) and per account
 * (10x, against many sources guessing one account, while one stranger cannot lock a person out).
 */
@Injectable()
export class AuthLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private loginLimits(email: string, ip: string): Limit[] {
    const max = this.config.loginMaxFailures;
    const windowSeconds = this.config.loginWindowSeconds;
    return [
      { key: `login:account-address:${email}:${ip}`, max, windowSeconds },
      { key: `login:address:${ip}`, max: max * 4, windowSeconds },
      { key: `login:account:${email}`, max: max * 10, windowSeconds },
    ];
  }

  /** Counts the attempt before the password is checked; refuses when a limit is spent. */
  async beginLogin(email: string, ip: string): Promise<void> {
    const retryAfterSeconds = await this.limiter.consume(this.loginLimits(email, ip));
    if (retryAfterSeconds > 0) throw new DomainError(AuthErrors.TOO_MANY_ATTEMPTS, { retryAfterSeconds });
  }

  async loginSucceeded(email: string, ip: string): Promise<void> {
    const [pair, address, account] = this.loginLimits(email, ip).map((l) => l.key);
    await this.limiter.refund([address, account], [pair]);
  }

  async beginRegistration(ip: string): Promise<void> {
    const retryAfterSeconds = await this.limiter.consume([
      { key: `register:address:${ip}`, max: this.config.registrationsPerHour, windowSeconds: 3600 },
    ]);
    if (retryAfterSeconds > 0) throw new DomainError(AuthErrors.TOO_MANY_ATTEMPTS, { retryAfterSeconds });
  }
}
