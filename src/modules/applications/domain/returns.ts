import { Problem } from './submission-rules';

/** How a return for changes ended: answered by a resubmission, lapsed at its date, or withdrawn. */
export const RETURN_OUTCOMES = ['resubmitted', 'lapsed', 'withdrawn'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

/**
 * The withdrawal reason of an application whose return lapsed: a code, not prose, so every page
 * and mail can say in the reader's language what happened.
 */
export const RETURN_LAPSED_REASON = 'return_lapsed';

export const RETURN_LIMITS = {
  messageMax: 2000,
  /** An answer needs at least this long: a date that is already today's evening leaves no time. */
  minHoursAhead: 24,
  /** A return is a pause in screening, not a second call for applications. */
  maxDaysAhead: 60,
} as const;

export interface ReturnRequest {
  message: string;
  answerBy: Date | null;
}

/**
 * The manager's message is required and at most RETURN_LIMITS.messageMax characters; the date to
 * answer by is in the future (at least RETURN_LIMITS.minHoursAhead after `now`, the server's clock)
 * and at most RETURN_LIMITS.maxDaysAhead days away. Every problem at once, each at its field.
 */
export function returnProblems(request: ReturnRequest, now: Date): Problem[] {
  const problems: Problem[] = [];
  const message = request.message.trim();
  if (!message) problems.push({ field: 'message', problems: ['say what the applicant should change'] });
  else if (message.length > RETURN_LIMITS.messageMax)
    problems.push({ field: 'message', problems: [`at most ${RETURN_LIMITS.messageMax} characters`] });
  const answerBy = request.answerBy;
  const hour = 3_600_000;
  if (!answerBy || Number.isNaN(answerBy.getTime()))
    problems.push({ field: 'answerBy', problems: ['a date and time to answer by is required'] });
  else if (answerBy.getTime() < now.getTime() + RETURN_LIMITS.minHoursAhead * hour)
    problems.push({ field: 'answerBy', problems: [`at least ${RETURN_LIMITS.minHoursAhead} hours from now`] });
  else if (answerBy.getTime() > now.getTime() + RETURN_LIMITS.maxDaysAhead * 24 * hour)
    problems.push({ field: 'answerBy', problems: [`at most ${RETURN_LIMITS.maxDaysAhead} days from now`] });
  return problems;
}
