import { ApplicationStatus } from '../../../modules/applications/domain/application-status';
import { CompetitionStatus } from '../../../modules/competitions/domain/competition-status';
import { CATALOGUE, MessageKey } from '../../i18n/catalogue';
import { usePage } from '../../render/page-context';

/** Statuses as the table and the counts show them, in the order of the lifecycle (drafts last). */
export const STATUS_ORDER: readonly string[] = [
  'submitted',
  'returned',
  'eligible',
  'ineligible',
  'in_review',
  'shortlisted',
  'awarded',
  'not_awarded',
  'withdrawn',
  'draft',
];

const TAG_KIND: Partial<Record<string, string>> = {
  draft: 'tag warn',
  returned: 'tag warn',
  ineligible: 'tag bad',
  not_awarded: 'tag bad',
  withdrawn: 'tag bad',
  shortlisted: 'tag ok',
  awarded: 'tag ok',
  eligible: 'tag ok',
};

/** An application's status in words (the applicant's pages' words), as a tag. */
export function ApplicationStatusTag(props: { status: ApplicationStatus | string }) {
  const { t } = usePage();
  return <strong class={TAG_KIND[props.status] ?? 'tag'}>{applicationStatusText(t.t.bind(t), props.status)}</strong>;
}

/** A status the catalogue has no words for yet (one another change adds) shows as its code. */
export function applicationStatusText(t: (key: MessageKey) => string, status: string): string {
  const key = `apply.status.${status}`;
  return key in CATALOGUE.en ? t(key as MessageKey) : status;
}

/** A message key that may not exist (an audit action or error code added later): its text, or null. */
export function knownKey(key: string): MessageKey | null {
  return key in CATALOGUE.en ? (key as MessageKey) : null;
}

export function CompetitionStatusTag(props: { status: CompetitionStatus }) {
  const { t } = usePage();
  const kind = props.status === 'open' ? 'tag ok' : props.status === 'draft' ? 'tag warn' : 'tag';
  return <strong class={kind}>{t.t(`managerHome.competitionStatus.${props.status}` as MessageKey)}</strong>;
}
