import { LINK_PURPOSE, signLinkToken } from '../../../common/auth/link-tokens';
import { Language } from '../../../common/i18n/language';
import { LocalizedText, pickText } from '../../../common/i18n/localized-text';
import { MessageType, MessageVariables } from './message-types';
import { screeningReasonText } from './screening-reasons';

export interface LinkContext {
  publicUrl: string;
  linkSecret: string;
}

function text(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value !== 'string' || value === '') throw new Error(`Notification data lacks "${key}"`);
  return value;
}

/**
 * Staff-written content (a competition title, a village name, a tranche label) in the recipient's
 * language, else kk, ru, en. Rows queued before texts were per language hold a plain string.
 */
function localized(data: Record<string, unknown>, key: string, language: Language): string {
  const value = data[key];
  const picked = typeof value === 'string' ? value : pickText(value as LocalizedText | null | undefined, language);
  if (picked === '') throw new Error(`Notification data lacks "${key}"`);
  return picked;
}

const date = (data: Record<string, unknown>, key: string): Date => new Date(text(data, key));
const money = (data: Record<string, unknown>, key: string): bigint => BigInt(text(data, key));

/**
 * A calendar date (YYYY-MM-DD) as noon UTC: templates print dates in the service's time zone, and
 * noon keeps the same day in any zone from UTC-12 to UTC+11, which midnight UTC would not.
 */
function calendarDate(data: Record<string, unknown>, key: string): Date {
  const value = text(data, key);
  const noon = new Date(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== value) {
    throw new Error(`Notification data "${key}" is not a date (YYYY-MM-DD)`);
  }
  return noon;
}

/** A count: a JSON number that is a safe, non-negative integer. */
function integer(data: Record<string, unknown>, key: string): number {
  const value = data[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`Notification data "${key}" is not a non-negative integer`);
  }
  return value;
}

function flag(data: Record<string, unknown>, key: string): boolean {
  const value = data[key];
  if (typeof value !== 'boolean') throw new Error(`Notification data "${key}" is not a boolean`);
  return value;
}

/** A text that may be absent: null or missing gives an empty string, anything else but a string is refused. */
function optionalText(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (value == null) return '';
  if (typeof value !== 'string') throw new Error(`Notification data "${key}" is not a string`);
  return value;
}

const awardUrl = (data: Record<string, unknown>, links: LinkContext): string =>
  `${links.publicUrl}/awards/${text(data, 'awardId')}`;

/** The variables every tranche mail shares (tranche.approved, payment.recorded, report.*). */
function trancheVariables(data: Record<string, unknown>, fullName: string, links: LinkContext, language: Language) {
  return {
    fullName,
    reference: text(data, 'reference'),
    competitionTitle: localized(data, 'competitionTitle', language),
    trancheNumber: integer(data, 'trancheNumber'),
    trancheLabel: localized(data, 'trancheLabel', language),
    awardUrl: awardUrl(data, links),
  };
}

/**
 * Turns an outbox row's data (ids and display values, stored as JSON) and its recipient into the
 * variables of its template. Links are derived here, at send time, from token ids.
 */
export function messageVariables(
  type: MessageType,
  data: Record<string, unknown>,
  fullName: string,
  links: LinkContext,
  language: Language,
): MessageVariables<MessageType> {
  switch (type) {
    case 'account.registered':
      return {
        fullName,
        confirmUrl: `${links.publicUrl}/confirm-email?token=${signLinkToken(links.linkSecret, LINK_PURPOSE.confirmEmail, text(data, 'tokenId'))}`,
        expiresAt: date(data, 'expiresAt'),
      };
    case 'password.reset':
    case 'account.invited':
      return {
        fullName,
        resetUrl: `${links.publicUrl}/reset-password?token=${signLinkToken(links.linkSecret, LINK_PURPOSE.resetPassword, text(data, 'tokenId'))}`,
        expiresAt: date(data, 'expiresAt'),
      };
    case 'competition.opened':
      return {
        fullName,
        competitionTitle: localized(data, 'competitionTitle', language),
        villageName: localized(data, 'villageName', language),
        opensAt: date(data, 'opensAt'),
        closesAt: date(data, 'closesAt'),
        minAward: money(data, 'minAward'),
        maxAward: money(data, 'maxAward'),
        competitionUrl: `${links.publicUrl}/competitions/${text(data, 'competitionId')}`,
      };
    case 'application.submitted':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: text(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        villageName: localized(data, 'villageName', language),
        requestedAmount: money(data, 'requestedAmount'),
        ownContribution: money(data, 'ownContribution'),
        submittedAt: date(data, 'submittedAt'),
        applicationUrl: `${links.publicUrl}/applications/${text(data, 'applicationId')}`,
      };
    case 'application.ineligible':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: text(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        reasonText: screeningReasonText(text(data, 'reason'), language),
        note: typeof data.note === 'string' ? data.note : '',
      };
    case 'application.returned':
    case 'application.return_reminder':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: optionalText(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        message: text(data, 'message'),
        answerBy: date(data, 'answerBy'),
        applicationUrl: `${links.publicUrl}/applications/${text(data, 'applicationId')}`,
      };
    case 'application.return_lapsed':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: optionalText(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        answerBy: date(data, 'answerBy'),
        applicationUrl: `${links.publicUrl}/applications/${text(data, 'applicationId')}`,
      };
    case 'application.draft_reminder':
      return {
        fullName,
        applicationTitle: typeof data.applicationTitle === 'string' ? data.applicationTitle : '',
        competitionTitle: localized(data, 'competitionTitle', language),
        closesAt: date(data, 'closesAt'),
        applicationUrl: `${links.publicUrl}/applications/${text(data, 'applicationId')}`,
      };
    case 'review.assigned':
      return {
        fullName,
        competitionTitle: localized(data, 'competitionTitle', language),
        roundName: text(data, 'roundName'),
        count: integer(data, 'count'),
        deadline: date(data, 'deadline'),
        workspaceUrl: `${links.publicUrl}/reviews/rounds/${text(data, 'roundId')}`,
      };
    case 'review.deadline_reminder':
      return {
        fullName,
        competitionTitle: localized(data, 'competitionTitle', language),
        roundName: text(data, 'roundName'),
        unfinished: integer(data, 'unfinished'),
        deadline: date(data, 'deadline'),
        workspaceUrl: `${links.publicUrl}/reviews/rounds/${text(data, 'roundId')}`,
      };
    case 'round.results':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: text(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        roundName: text(data, 'roundName'),
        advanced: flag(data, 'advanced'),
        officialScore: optionalText(data, 'officialScore'),
        resultsUrl: `${links.publicUrl}/applications/${text(data, 'applicationId')}`,
      };
    case 'award.offered':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: text(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        amount: money(data, 'amount'),
        respondBy: date(data, 'respondBy'),
        awardUrl: awardUrl(data, links),
      };
    case 'application.not_awarded':
      return {
        fullName,
        reference: text(data, 'reference'),
        applicationTitle: text(data, 'applicationTitle'),
        competitionTitle: localized(data, 'competitionTitle', language),
        applicationUrl: `${links.publicUrl}/applications/${text(data, 'applicationId')}`,
      };
    case 'tranche.approved':
      return { ...trancheVariables(data, fullName, links, language), amount: money(data, 'amount') };
    case 'payment.recorded':
      return {
        ...trancheVariables(data, fullName, links, language),
        amount: money(data, 'amount'),
        bankReference: text(data, 'bankReference'),
        paidOn: calendarDate(data, 'paidOn'),
      };
    case 'report.returned':
      return { ...trancheVariables(data, fullName, links, language), comment: text(data, 'comment') };
    case 'report.reminder':
      return { ...trancheVariables(data, fullName, links, language), dueAt: date(data, 'dueAt') };
    case 'staff.tasks_digest':
      return {
        fullName,
        approvals: integer(data, 'approvals'),
        reports: integer(data, 'reports'),
        screening: integer(data, 'screening'),
        // Digests written before these kinds existed have no count for them.
        answered: data.answered === undefined ? 0 : integer(data, 'answered'),
        failedRuns: integer(data, 'failedRuns'),
        conflicts: integer(data, 'conflicts'),
        scoring: integer(data, 'scoring'),
        payments: data.payments === undefined ? 0 : integer(data, 'payments'),
        manageUrl: `${links.publicUrl}/manage`,
        reviewsUrl: `${links.publicUrl}/reviews`,
        financeUrl: `${links.publicUrl}/finance`,
      };
  }
}
