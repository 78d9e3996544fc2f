import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { ScheduledJobName } from './queues';

export interface ScheduleOptions {
  job: ScheduledJobName;
  /** How often the job runs, in milliseconds, from the validated config. */
  every: (config: AppConfig) => number;
}

/**
 * Marks the method that runs one of the worker's recurring jobs (SCHEDULED_JOBS), on a provider of
 * the feature that owns the work: the feature declares its schedule beside its use case, and this
 * layer never imports it. The worker finds the marked methods among the providers of the modules it
 * loads (the api loads no schedules, so there the mark does nothing) and refuses to start when a
 * scheduled job has no handler or two.
 */
export const Scheduled = DiscoveryService.createDecorator<ScheduleOptions>();
