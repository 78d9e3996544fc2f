import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const QUEUES = {
  schedules: 'schedules',
  notifications: 'notifications',
  reviews: 'reviews',
} as const;

export const NOTIFICATION_JOB = 'send';

/** What a notification job carries: the outbox row's id, never personal data. */
export interface NotificationJobData {
  notificationId: string;
}

/** What a review job carries: the id of the run or round to work on. */
export type ReviewJobData = { kind: 'assign'; runId: string } | { kind: 'finalize'; roundId: string };

/** The worker's recurring jobs. Each has one handler, which its feature declares with `@Scheduled()`. */
export const SCHEDULED_JOBS = {
  closeDueCompetitions: 'competitions.close-due',
  remindDrafts: 'applications.remind-drafts',
  lapseReturns: 'applications.lapse-returns',
  reviewSweep: 'reviews.sweep',
  awardSweep: 'awards.sweep',
  staffDigest: 'staff.tasks-digest',
} as const;
export type ScheduledJobName = (typeof SCHEDULED_JOBS)[keyof typeof SCHEDULED_JOBS];

/**
 * BullMQ key prefix with a hash tag, so every key of a queue lands in one Redis Cluster slot, and
 * with the configured prefix, so tests and deployments sharing a Redis never see each other's jobs.
 */
export const bullPrefix = (config: AppConfig): string => `{${config.redisPrefix}}`;

/** Workers block on Redis: they need `maxRetriesPerRequest: null` or they die on the first hiccup. */
export function workerConnection(config: AppConfig): Redis {
  return new Redis(config.redisUrl, { maxRetriesPerRequest: null });
}

/** Producers fail fast instead of waiting forever while Redis is down. */
export function producerConnection(config: AppConfig): Redis {
  return new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
}
