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

interface SmtpError {
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * A 5xx to RCPT TO or DATA is about this message or this address: retrying will not help, so the
 * row fails at once. A 5xx elsewhere (a wrong password at AUTH, a provider's throttling reply to
 * MAIL FROM) concerns every message and is retried like any outage.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { responseCode, command } = (error ?? {}) as SmtpError;
  return (
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600 &&
    typeof command === 'string' &&
    /^(RCPT|DATA)/i.test(command)
  );
}

/**
 * What is kept and shown of a send failure: the reply code, the SMTP command and the enhanced
 * status code. The server's text is dropped, since real servers repeat the address in it.
 */
export function describeSendFailure(error: unknown): string {
  const { responseCode, command, response, code, message } = (error ?? {}) as SmtpError;
  if (typeof responseCode === 'number') {
    const enhanced = typeof response === 'string' ? /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(response)?.[0] : undefined;
    return [`SMTP ${responseCode}`, enhanced, typeof command === 'string' ? `after ${command}` : undefined]
      .filter(Boolean)
      .join(' ');
  }
  const text = typeof message === 'string' ? message : String(error);
  return (typeof code === 'string' ? `${code}: ${text}` : text)
    .replace(/<?[^\s<>@]+@[^\s<>]+>?/g, '<address>')
    .slice(0, 300);
}
