import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, Role } from '../../common/auth/role';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { Outbox, OutboxMessage } from '../notifications/outbox.service';
import { anythingWaits, digestWindow, Task, TASK_KINDS, TaskCounts, tasksFor } from './domain/staff-tasks';
import { StaffTasksReadModel } from './staff-tasks.read-model';

const NONE: TaskCounts = {
  approvals: 0,
  reports: 0,
  screening: 0,
  answered: 0,
  failedRuns: 0,
  conflicts: 0,
  scoring: 0,
  payments: 0,
};

/**
 * "My tasks" for managers, jurors and finance officers: counts of what waits, each with the page where it is done;
 * and once a day (from the morning, Almaty time) one mail per person with the same counts, so a
 * busy day is one mail, not fifty. The counts are read when asked, never stored.
 */
@Injectable()
export class StaffTasksService {
  private readonly logger = new Logger(StaffTasksService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: StaffTasksReadModel,
    private readonly outbox: Outbox,
  ) {}

  async forUser(user: AuthUser): Promise<Task[]> {
    const serviceStaff = user.roles.some((role) => role === 'manager' || role === 'finance');
    const juror = user.roles.includes('juror');
    const [service, own] = await Promise.all([
      serviceStaff ? this.tasks.serviceCounts(user.id) : undefined,
      juror ? this.tasks.jurorCounts(user.id) : undefined,
    ]);
    return tasksFor(user.roles, { ...NONE, ...service, ...own?.get(user.id) });
  }

  @Scheduled({ job: SCHEDULED_JOBS.staffDigest, every: (config) => config.staffDigestEveryMs })
  async digestOnSchedule(): Promise<{ digests: number }> {
    return { digests: await this.sendDigests(new Date()) };
  }

  /**
   * Writes the day's digest for every manager and juror with something waiting, once per person
   * per Almaty day (the outbox's dedupe key); before the morning hour, nothing. Returns how many
   * were new this time.
   */
  async sendDigests(now: Date): Promise<number> {
    if (!digestWindow(now, '').due) return 0;
    const written = await this.dataSource.transaction(async (em) => {
      // One connection: one query at a time.
      const staff = await this.tasks.staff(em);
      const service = await this.tasks.serviceCounts(null, em);
      const byProposer = await this.tasks.proposalsByProposer(em);
      const jurors = await this.tasks.jurorCounts(null, em);
      const messages: OutboxMessage[] = [];
      for (const person of staff) {
        const counts: TaskCounts = {
          ...NONE,
          ...service,
          approvals: service.approvals - (byProposer.get(person.id) ?? 0),
          ...jurors.get(person.id),
        };
        const tasks = tasksFor(person.roles as Role[], counts);
        if (!anythingWaits(tasks)) continue;
        const data = Object.fromEntries(TASK_KINDS.map((kind) => [kind, 0]));
        for (const task of tasks) data[task.kind] = task.count;
        messages.push({
          recipientId: person.id,
          type: 'staff.tasks_digest',
          data,
          dedupeKey: digestWindow(now, person.id).dedupeKey,
        });
      }
      return this.outbox.addMany(em, messages);
    });
    if (written > 0) this.logger.log({ digests: written }, 'Staff digests written');
    return written;
  }
}
