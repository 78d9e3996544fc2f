import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { backoffMs } from './domain/notification-status';
import { NotificationsQueue } from './notifications.queue';
import { NotificationsRepository } from './notifications.repository';

/**
 * Moves outbox rows into the queue: claim with a lease (SKIP LOCKED, so relays in several workers
 * never take the same row), add the jobs outside any transaction with a timeout, then mark them
 * queued; if Redis fails, hand the rows back with a growing delay.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger(Dispatcher.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsRepository,
    private readonly queue: NotificationsQueue,
  ) {}

  /** Dispatches due rows (or just `ids`); returns how many were queued. */
  async dispatch(ids?: string[]): Promise<number> {
    const claimed = await this.notifications.claim(
      ids?.length ?? this.config.relayBatchSize,
      this.config.relayLeaseMs,
      ids,
    );
    if (claimed.length === 0) return 0;
    const claimedIds = claimed.map((c) => c.id);
    try {
      await this.queue.addAll(claimed);
    } catch (error) {
      const attempts = Math.max(...claimed.map((c) => c.relayAttempts)) + 1;
      const delay = backoffMs(attempts, 500, 60000);
      await this.notifications.release(claimedIds, delay, (error as Error).message);
      this.logger.warn(
        { count: claimed.length, retryInMs: delay, err: error },
        'Could not queue notifications; will retry',
      );
      return 0;
    }
    await this.notifications.markQueued(claimedIds);
    return claimed.length;
  }

  /**
   * Finds rows whose job vanished (Redis lost it) or ended without settling the row, and makes
   * them due again under a new job id.
   */
  async recoverLost(): Promise<number> {
    const stale = await this.notifications.findStale(this.config.staleQueuedMs, this.config.relayBatchSize);
    const lost: string[] = [];
    for (const row of stale) {
      if (!(await this.queue.hasLiveJob(row.id, row.generation))) lost.push(row.id);
    }
    if (lost.length > 0) {
      await this.notifications.requeueLost(lost);
      this.logger.warn({ count: lost.length }, 'Re-queued notifications whose jobs were lost');
    }
    return lost.length;
  }
}
