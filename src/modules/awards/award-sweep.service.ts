import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { Outbox } from '../notifications/outbox.service';
import { AwardOffersService } from './award-offers.service';

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
    private readonly outbox: Outbox,
  ) {}

  @Scheduled({ job: SCHEDULED_JOBS.awardSweep, every: (config) => config.awardSweepEveryMs })
  async sweep(): Promise<{ lapsed: number; reminders: number }> {
    const lapsed = await this.offers.expireDue();
    const reminders = await this.dataSource.transaction((em) =>
      this.outbox.addSelected(
        em,
        'report.reminder',
        `SELECT app.applicant_id AS recipient_id,
                jsonb_build_object('awardId', a.id, 'reference', app.reference, 'competitionTitle', c.title,
                                   'trancheNumber', t.position, 'trancheLabel', t.label, 'dueAt', t.due_at) AS data,
                'report.reminder:' || t.id || ':' || CASE WHEN t.due_at <= now() THEN 'overdue' ELSE 'soon' END AS dedupe_key
           FROM tranches t JOIN awards a ON a.id = t.award_id
           JOIN applications app ON app.id = a.application_id JOIN competitions c ON c.id = a.competition_id
          WHERE t.report_required AND t.status IN ('planned', 'returned') AND a.status IN ('accepted', 'active')
            AND t.due_at <= now() + make_interval(days => $1)`,
        [this.config.reportReminderDays],
      ),
    );
    if (reminders) this.logger.log({ reminders }, 'Milestone report reminders written');
    return { lapsed, reminders };
  }
}
