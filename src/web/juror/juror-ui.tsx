import { CATALOGUE, MessageKey } from '../i18n/catalogue';
import { Translator } from '../i18n/translator';
import { daysUntil } from '../i18n/formats';
import { usePage } from '../render/page-context';
import { ItemStatus } from './item-status';

/** What just happened, told at the top of the page a form redirected to. */
export const NOTICES = {
  confirmed: 'juror.done.confirmed',
  declared: 'juror.done.declared',
  removed: 'juror.done.removed',
  saved: 'juror.done.saved',
  submitted: 'juror.done.submitted',
  recused: 'juror.done.recused',
} as const satisfies Record<string, MessageKey>;
export type JurorNotice = keyof typeof NOTICES;

export const isNotice = (value: unknown): value is JurorNotice => typeof value === 'string' && value in NOTICES;

export function Notice(props: { notice?: JurorNotice }) {
  const { t } = usePage();
  if (!props.notice) return null;
  return (
    <p class="notice success" role="status">
      {t.t(NOTICES[props.notice])}
    </p>
  );
}

/** A deadline in words ("closes in 12 days") and as a date and time. */
export function Deadline(props: { deadline: Date; now: Date; open: boolean }) {
  const { t } = usePage();
  const days = daysUntil(props.deadline, props.now);
  const words = !props.open
    ? t.t('juror.deadline.was')
    : props.deadline.getTime() <= props.now.getTime()
      ? t.t('juror.deadline.passed')
      : days <= 0
        ? t.t('juror.deadline.today')
        : t.t('juror.deadline.inDays', { count: days });
  return (
    <span>
      {words} (<time dateTime={props.deadline.toISOString()}>{t.dateTime(props.deadline)}</time>)
    </span>
  );
}

const STATUS_TAG: Record<ItemStatus, string> = {
  not_started: 'tag',
  draft: 'tag warn',
  submitted: 'tag ok',
  recused: 'tag bad',
};

export function ItemStatusTag(props: { status: ItemStatus }) {
  const { t } = usePage();
  return <strong class={STATUS_TAG[props.status]}>{t.t(`juror.item.${props.status}`)}</strong>;
}

/** A label of the applicant's forms (sectors, budget categories) when there is one, else the text as stored. */
export function labelOr(t: Translator, key: string, raw: string): string {
  return key in CATALOGUE[t.language] ? t.t(key as MessageKey) : raw;
}
