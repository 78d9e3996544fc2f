import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { Outbox } from '../notifications/outbox.service';
import { AwardOffersService } from './award-offers.service';
import { MilestoneReportsRepository } from './milestone-reports.repository';

/**
 * The worker's periodic sweep for awards: offers past their deadline lapse (their money returns to
 * the budget), and grantees are reminded of milestone reports due within REPORT_REMINDER_DAYS and
 * once more when overdue (the dedupe key makes each reminder once).
 */
@Injectable()
export class AwardSweepService {
  private readonly logger = new Logger(AwardSweepService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly offers: AwardOffersService,
    private readonly reports: MilestoneReportsRepository,
    private readonly outbox: Outbox,
  ) {}

  @Scheduled({ job: SCHEDULED_JOBS.awardSweep, every: (config) => config.awardSweepEveryMs })
  async sweep(): Promise<{ lapsed: number; reminders: number }> {
    const lapsed = await this.offers.expireDue();
    const reminders = await this.dataSource.transaction((em) =>
      this.outbox.addSelected(em, this.reports.reportReminderMessages(this.config.reportReminderDays)),
    );
    if (reminders) this.logger.log({ reminders }, 'Milestone report reminders written');
    return { lapsed, reminders };
  }
}
