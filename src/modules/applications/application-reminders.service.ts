import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { Outbox } from '../notifications/outbox.service';
import { ApplicationsRepository } from './applications.repository';

/** Reminders before `closesAt`: at three days and at one day, once each (the dedupe key sees to it). */
export const DRAFT_REMINDERS = [
  { label: '3d', withinHours: 72 },
  { label: '1d', withinHours: 24 },
] as const;

@Injectable()
export class ApplicationRemindersService {
  private readonly logger = new Logger(ApplicationRemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly outbox: Outbox,
  ) {}

  @Scheduled({ job: SCHEDULED_JOBS.remindDrafts, every: (config) => config.draftReminderEveryMs })
  async remindDraftsOnSchedule(): Promise<{ reminders: number }> {
    return { reminders: await this.remindDrafts() };
  }

  /**
   * Run by the worker's schedule. For each reminder window, every draft of an open competition
   * that closes within the window gets one mail; a draft first seen inside the one-day window gets
   * only the one-day reminder. Returns how many reminders were written.
   */
  async remindDrafts(): Promise<number> {
    let written = 0;
    for (const reminder of DRAFT_REMINDERS) {
      const shorter = DRAFT_REMINDERS.find((r) => r.withinHours < reminder.withinHours)?.withinHours ?? 0;
      written += await this.dataSource.transaction(async (em) => {
        const drafts = await this.applications.draftsClosingWithin(em, reminder.withinHours, shorter);
        await this.outbox.addMany(
          em,
          drafts.map((d) => ({
            recipientId: d.applicantId,
            type: 'application.draft_reminder',
            data: {
              applicationId: d.id,
              applicationTitle: d.title,
              competitionTitle: d.competitionTitle,
              closesAt: d.closesAt.toISOString(),
            },
            dedupeKey: `application.draft_reminder:${d.id}:${reminder.label}`,
          })),
        );
        return drafts.length;
      });
    }
    if (written > 0) this.logger.log({ reminders: written }, 'Draft reminders written');
    return written;
  }
}
