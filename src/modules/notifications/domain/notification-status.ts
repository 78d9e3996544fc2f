/**
 * pending -> claimed (a relay holds a short lease) -> queued (a job exists) -> sending (a sender
 * holds a lease) -> sent | failed. A relay or sender that dies leaves a lease that expires; the
 * row is then picked up again. Failed rows go back to pending when an admin retries them.
 */
export const NOTIFICATION_STATUSES = ['pending', 'claimed', 'queued', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Exponential backoff with full jitter between half and all of the step, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** SMTP replies 5xx are permanent: retrying the same message to the same address will not help. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
