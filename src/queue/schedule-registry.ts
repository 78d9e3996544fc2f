/** One recurring job of the worker and what runs it. */
export interface ScheduledHandler {
  job: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * The worker's recurring jobs as the features declared them. Complete only when every scheduled
 * job has exactly one handler and every handler runs a scheduled job: the worker checks that before
 * it touches Redis, so a feature that forgot to register (or a module missing from the worker's
 * wiring) stops the worker at start instead of failing each run.
 */
export class ScheduleRegistry {
  private readonly handlers = new Map<string, ScheduledHandler>();
  private readonly problems: string[] = [];

  add(handler: ScheduledHandler): void {
    if (this.handlers.has(handler.job)) this.problems.push(`${handler.job} has more than one handler`);
    else this.handlers.set(handler.job, handler);
  }

  /** The handler of every job in `jobs`; throws, naming every problem, when they do not match one to one. */
  complete(jobs: readonly string[]): ScheduledHandler[] {
    const problems = [
      ...jobs.filter((job) => !this.handlers.has(job)).map((job) => `${job} has no handler`),
      ...[...this.handlers.keys()].filter((job) => !jobs.includes(job)).map((job) => `${job} is not a scheduled job`),
      ...this.problems,
    ];
    if (problems.length > 0) throw new Error(`The schedules are incomplete: ${problems.join('; ')}`);
    return jobs.map((job) => this.handlers.get(job)!);
  }

  handlerOf(job: string): ScheduledHandler | undefined {
    return this.handlers.get(job);
  }
}
