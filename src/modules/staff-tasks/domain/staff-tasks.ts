import type { Role } from '../../../common/auth/role';

/**
 * What waits for a member of staff, by kind, and where it is done. Managers' and finance officers'
 * tasks are the service's (any of them may take them up; an approval waits for every manager but
 * the proposer); a juror's are their own. `answered`: applications returned for changes and sent
 * again, waiting to be screened anew (they are among `screening` too); `payments`: approved
 * tranches waiting for their transfer.
 */
export const TASK_KINDS = [
  'approvals',
  'reports',
  'screening',
  'answered',
  'failedRuns',
  'conflicts',
  'scoring',
  'payments',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskCounts = Record<TaskKind, number>;

export const TASKS_OF_ROLE: Partial<Record<Role, readonly TaskKind[]>> = {
  manager: ['approvals', 'reports', 'screening', 'answered', 'failedRuns'],
  juror: ['conflicts', 'scoring'],
  finance: ['payments'],
};

/** The page where each kind of task is done. */
export const TASK_PAGES: Record<TaskKind, string> = {
  approvals: '/manage/approvals',
  reports: '/manage/reports',
  screening: '/manage',
  answered: '/manage',
  failedRuns: '/manage',
  conflicts: '/reviews',
  scoring: '/reviews',
  payments: '/finance',
};

export interface Task {
  kind: TaskKind;
  count: number;
  href: string;
}

/** The tasks a person's roles give them, in a fixed order, with their counts (zero included). */
export function tasksFor(roles: readonly Role[], counts: TaskCounts): Task[] {
  const kinds = new Set(roles.flatMap((role) => TASKS_OF_ROLE[role] ?? []));
  return TASK_KINDS.filter((kind) => kinds.has(kind)).map((kind) => ({
    kind,
    count: counts[kind],
    href: TASK_PAGES[kind],
  }));
}

/** The local hour (Asia/Almaty) from which the day's digest goes out: one mail a day, in the morning. */
export const DIGEST_HOUR = 8;

function almatyParts(now: Date): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** Whether the day's digest may go out yet, and the key that keeps it to one per person per day. */
export function digestWindow(now: Date, userId: string): { due: boolean; dedupeKey: string } {
  const { date, hour } = almatyParts(now);
  return { due: hour >= DIGEST_HOUR, dedupeKey: `staff.tasks_digest:${userId}:${date}` };
}

/** A digest is worth a mail only when something waits. */
export const anythingWaits = (tasks: readonly Task[]): boolean => tasks.some((task) => task.count > 0);
