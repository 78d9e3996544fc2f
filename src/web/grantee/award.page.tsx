import { MessageKey } from '../i18n/catalogue';
import { daysUntil } from '../i18n/formats';
import { usePage } from '../render/page-context';
import { CsrfField, ProblemBox } from '../ui/form';
import { Layout } from '../ui/layout';
import { PaymentsSection, ReportsSection, TranchesSection } from './award-sections';
import { AWARD_STATUS, tagClass } from './grantee-labels';
import { GranteeAward } from './grantee-view';

/** What just happened, told at the top after the redirect. */
export type AwardNotice = 'accepted' | 'declined' | 'report';

const NOTICES: Record<AwardNotice, MessageKey> = {
  accepted: 'grantee.award.done.accepted',
  declined: 'grantee.award.done.declined',
  report: 'grantee.award.done.report',
};

export const isAwardNotice = (value: unknown): value is AwardNotice =>
  typeof value === 'string' && Object.keys(NOTICES).includes(value);

/** The offer while it waits for an answer: the deadline in words, accept, or go to the decline step. */
function OfferAnswer(props: { award: GranteeAward; now: Date }) {
  const { t } = usePage();
  const { award } = props;
  const days = award.respondBy ? daysUntil(award.respondBy, props.now) : null;
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title">{t.t('grantee.award.answer.title')}</h2>
      {award.respondBy && (
        <p>
          {t.t(days !== null && days <= 0 ? 'grantee.award.answer.byToday' : 'grantee.award.answer.by', {
            count: days ?? 0,
          })}{' '}
          (<time dateTime={award.respondBy.toISOString()}>{t.dateTime(award.respondBy)}</time>)
        </p>
      )}
      <p>{t.t('grantee.award.answer.explain')}</p>
      <form method="post" action={`/awards/${award.id}/accept`}>
        <CsrfField />
        <button class="button" type="submit">
          {t.t('grantee.award.accept')}
        </button>
        <a class="button secondary" href={`/awards/${award.id}/decline`}>
          {t.t('grantee.award.decline')}
        </a>
      </form>
    </section>
  );
}

/** The grantee's award: the offer and its answer, the tranches, payments received and reports sent. */
export function AwardPage(props: { award: GranteeAward; now: Date; notice?: AwardNotice; problemKey?: MessageKey }) {
  const { t } = usePage();
  const { award } = props;
  const status = AWARD_STATUS[award.status];
  const title = t.t('grantee.award.title', { reference: award.reference });
  return (
    <Layout title={title}>
      <nav class="breadcrumbs" aria-label={t.t('grantee.breadcrumbs')}>
        <a href="/applications">{t.t('common.nav.myApplications')}</a>
        {' › '}
        <a href={`/applications/${award.applicationId}`}>{award.reference}</a>
      </nav>
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(NOTICES[props.notice])}
        </p>
      )}
      <ProblemBox message={props.problemKey} />
      <h1>{title}</h1>
      <p class="lead">{award.applicationTitle}</p>
      <p>
        <strong class={tagClass(status)}>{t.t(status.key)}</strong>
      </p>
      <dl class="summary-list">
        <dt>{t.t('grantee.award.amount')}</dt>
        <dd>{t.money(award.amount)}</dd>
        {award.respondedAt && (
          <>
            <dt>{t.t('grantee.award.answeredOn')}</dt>
            <dd>{t.dateTime(award.respondedAt)}</dd>
          </>
        )}
        {award.reason && (award.status === 'declined' || award.status === 'cancelled') && (
          <>
            <dt>{t.t('grantee.award.reason')}</dt>
            <dd>{award.reason}</dd>
          </>
        )}
      </dl>
      {award.status === 'approved' && <OfferAnswer award={award} now={props.now} />}
      {award.status !== 'declined' && <TranchesSection award={award} />}
      {award.status !== 'approved' && award.status !== 'declined' && (
        <>
          <PaymentsSection award={award} />
          <ReportsSection award={award} />
        </>
      )}
    </Layout>
  );
}
