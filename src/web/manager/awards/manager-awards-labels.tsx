import type { ComponentChildren } from 'preact';
import type { LocalizedText } from '../../../common/i18n/localized-text';
import type { AwardStatus } from '../../../modules/awards/domain/award-status';
import type { ListReason } from '../../../modules/awards/domain/published-allocation';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { FieldError } from '../../ui/form';
import { AwardProblem } from './award-problems';
import { StatusLabel, tagClass } from '../../grantee/grantee-labels';

/** An award's status in a manager's words (the grantee's page speaks to the applicant). */
export const AWARD_STATUS: Record<AwardStatus, StatusLabel> = {
  proposed: { key: 'managerAwards.awardStatus.proposed', tone: 'warn' },
  approved: { key: 'managerAwards.awardStatus.approved', tone: '' },
  accepted: { key: 'managerAwards.awardStatus.accepted', tone: 'ok' },
  active: { key: 'managerAwards.awardStatus.active', tone: 'ok' },
  completed: { key: 'managerAwards.awardStatus.completed', tone: 'ok' },
  declined: { key: 'managerAwards.awardStatus.declined', tone: 'bad' },
  cancelled: { key: 'managerAwards.awardStatus.cancelled', tone: 'bad' },
};

export const REASON: Record<ListReason, StatusLabel> = {
  funded: { key: 'managerAwards.reason.funded', tone: 'ok' },
  funded_partially: { key: 'managerAwards.reason.funded_partially', tone: 'ok' },
  floor: { key: 'managerAwards.reason.floor', tone: 'ok' },
  budget_exhausted: { key: 'managerAwards.reason.budget_exhausted', tone: 'warn' },
  envelope_full: { key: 'managerAwards.reason.envelope_full', tone: 'warn' },
  below_gate: { key: 'managerAwards.reason.below_gate', tone: 'bad' },
  tie_lost_by_lot: { key: 'managerAwards.reason.tie_lost_by_lot', tone: 'warn' },
  not_advanced: { key: 'managerAwards.reason.not_advanced', tone: 'bad' },
  below_quorum: { key: 'managerAwards.reason.below_quorum', tone: 'bad' },
  withdrawn: { key: 'managerAwards.reason.withdrawn', tone: 'bad' },
  declined: { key: 'managerAwards.reason.declined', tone: 'bad' },
  cancelled: { key: 'managerAwards.reason.cancelled', tone: 'bad' },
};

const HISTORY = [
  'proposed',
  'adjusted',
  'sent_back',
  'approved',
  'accepted',
  'declined',
  'lapsed',
  'cancelled',
  'activated',
  'completed',
  'reopened',
  'schedule_changed',
  'file_uploaded',
] as const;

/** An audit action of an award (`award.approved`) in words. */
export function historyKey(action: string): MessageKey {
  const name = action.replace(/^award\./, '');
  return (HISTORY as readonly string[]).includes(name)
    ? (`managerAwards.history.${name}` as MessageKey)
    : 'managerAwards.history.other';
}

export function StatusTag(props: { label: StatusLabel }) {
  const { t } = usePage();
  return <span class={tagClass(props.label)}>{t.t(props.label.key)}</span>;
}

/** Problems with their sums in tenge and places by name, in the reader's language, for the ErrorSummary. */
export function useWorded(
  problems: AwardProblem[],
  placeName: (id: string) => LocalizedText | undefined,
): FieldError[] {
  const { t, language } = usePage();
  return problems.map(({ money, placeId, ...error }) => ({
    ...error,
    params: {
      ...error.params,
      ...Object.fromEntries(Object.entries(money ?? {}).map(([name, value]) => [name, t.money(value)])),
      ...(placeId ? { name: contentText(placeName(placeId), language) } : {}),
    },
  }));
}

/** Staff navigation of the awards area: the queues a manager works through. */
export function Breadcrumbs(props: { children?: ComponentChildren }) {
  const { t } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t.t('managerAwards.breadcrumbs')}>
      <a href="/manage">{t.t('common.nav.manage')}</a>
      {props.children}
    </nav>
  );
}
