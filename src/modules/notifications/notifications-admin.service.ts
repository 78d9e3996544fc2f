import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { NotificationStatus } from './domain/notification-status';
import { Notification } from './entities/notification.entity';
import { NotificationErrors } from './notifications.errors';
import { NotificationsRepository } from './notifications.repository';

const UNSENT: NotificationStatus[] = ['failed', 'pending', 'claimed', 'queued', 'sending'];

/** What operators do with the outbox: look at what is stuck or failed, and send failed ones again. */
@Injectable()
export class NotificationsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(filter: {
    status?: NotificationStatus[];
    type?: string;
    recipientId?: string;
    limit: number;
    offset: number;
  }): Promise<[Notification[], number]> {
    return this.notifications.list({ ...filter, statuses: filter.status?.length ? filter.status : UNSENT });
  }

  /** The relay picks retried rows up within a second. */
  async retry(actorId: string, id: string): Promise<Notification> {
    await this.dataSource.transaction(async (em) => {
      const [retried] = await this.notifications.retryFailed(em, [id]);
      if (!retried) {
        const existing = await this.notifications.findById(id);
        if (!existing) throw new DomainError(NotificationErrors.NOT_FOUND);
        throw new DomainError(NotificationErrors.NOT_FAILED, { status: existing.status });
      }
      await this.audit.record(em, {
        actorId,
        action: 'notification.retried',
        entityType: 'notification',
        entityId: id,
        before: { status: 'failed' },
        after: { status: 'pending' },
      });
    });
    const row = await this.notifications.findById(id);
    if (!row) throw new DomainError(NotificationErrors.NOT_FOUND);
    return row;
  }

  async retryAllFailed(actorId: string): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const ids = await this.notifications.retryFailed(em, 'all');
      if (ids.length > 0) {
        await this.audit.record(em, {
          actorId,
          action: 'notification.retried',
          entityType: 'notification',
          entityId: 'all-failed',
          before: { status: 'failed' },
          after: { status: 'pending', ids },
        });
      }
      return ids.length;
    });
  }
}
