import { ScheduleRegistry, ScheduledHandler } from './schedule-registry';

const handler = (job: string): ScheduledHandler => ({ job, everyMs: 1000, run: async () => job });

describe('the schedule registry', () => {
  it('gives every scheduled job its handler, in the order of the jobs', () => {
    const registry = new ScheduleRegistry();
    registry.add(handler('b'));
    registry.add(handler('a'));
    expect(registry.complete(['a', 'b']).map((h) => h.job)).toEqual(['a', 'b']);
    expect(registry.handlerOf('b')?.job).toBe('b');
    expect(registry.handlerOf('c')).toBeUndefined();
  });

  it('refuses, naming them, scheduled jobs that no feature handles', () => {
    const registry = new ScheduleRegistry();
    registry.add(handler('a'));
    expect(() => registry.complete(['a', 'b', 'c'])).toThrow(
      'The schedules are incomplete: b has no handler; c has no handler',
    );
  });

  it('refuses a job with two handlers, and a handler of a job that is not scheduled', () => {
    const registry = new ScheduleRegistry();
    registry.add(handler('a'));
    registry.add(handler('a'));
    registry.add(handler('z'));
    expect(() => registry.complete(['a'])).toThrow(
      'The schedules are incomplete: z is not a scheduled job; a has more than one handler',
    );
  });
});
