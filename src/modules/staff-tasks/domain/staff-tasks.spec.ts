import { anythingWaits, digestWindow, TaskCounts, tasksFor } from './staff-tasks';

const counts: TaskCounts = {
  approvals: 2,
  reports: 0,
  screening: 14,
  answered: 3,
  failedRuns: 1,
  conflicts: 1,
  scoring: 7,
  payments: 4,
};

describe('staff tasks', () => {
  it('gives each role its own kinds of task, in a fixed order, with where to do them', () => {
    expect(tasksFor(['manager'], counts).map((t) => [t.kind, t.count, t.href])).toEqual([
      ['approvals', 2, '/manage/approvals'],
      ['reports', 0, '/manage/reports'],
      ['screening', 14, '/manage'],
      ['answered', 3, '/manage'],
      ['failedRuns', 1, '/manage'],
    ]);
    expect(tasksFor(['juror'], counts).map((t) => t.kind)).toEqual(['conflicts', 'scoring']);
    expect(tasksFor(['finance'], counts).map((t) => [t.kind, t.count, t.href])).toEqual([['payments', 4, '/finance']]);
    expect(tasksFor(['juror', 'manager'], counts)).toHaveLength(7);
    expect(tasksFor(['applicant', 'observer', 'admin'], counts)).toEqual([]);
  });

  it('sends a digest only when something waits', () => {
    const none: TaskCounts = {
      approvals: 0,
      reports: 0,
      screening: 0,
      answered: 0,
      failedRuns: 0,
      conflicts: 0,
      scoring: 0,
      payments: 0,
    };
    expect(anythingWaits(tasksFor(['manager'], none))).toBe(false);
    expect(anythingWaits(tasksFor(['juror'], { ...none, scoring: 1 }))).toBe(true);
    expect(anythingWaits(tasksFor(['juror'], { ...none, approvals: 3 }))).toBe(false);
  });

  it('sends one digest per person per day in Almaty, from the morning on', () => {
    // 02:30 UTC is 07:30 in Almaty (UTC+5): too early; 03:00 UTC is 08:00.
    expect(digestWindow(new Date('2026-12-07T02:30:00Z'), 'u1')).toEqual({
      due: false,
      dedupeKey: 'staff.tasks_digest:u1:2026-12-07',
    });
    expect(digestWindow(new Date('2026-12-07T03:00:00Z'), 'u1').due).toBe(true);
    // 20:00 UTC on the 6th is already the 7th in Almaty: the key follows Almaty's calendar.
    expect(digestWindow(new Date('2026-12-06T20:00:00Z'), 'u1').dedupeKey).toBe('staff.tasks_digest:u1:2026-12-07');
    expect(digestWindow(new Date('2026-12-07T18:59:00Z'), 'u1').dedupeKey).toBe('staff.tasks_digest:u1:2026-12-07');
  });
});
