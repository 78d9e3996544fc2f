import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { REPORT_STATUS, TRANCHE_STATUS, tagClass } from './grantee-labels';
import { GranteeAward, GranteeTranche } from './grantee-view';

/** When a tranche is paid: on signing, or once its milestone report is approved (due by a date once accepted). */
export function TrancheCondition(props: { tranche: GranteeTranche }) {
  const { t } = usePage();
  const { tranche } = props;
  if (!tranche.reportRequired) return <span>{t.t('grantee.tranche.onSigning')}</span>;
  return (
    <span>
      {t.t('grantee.tranche.afterReport')}
      {tranche.dueAt && <> {t.t('grantee.tranche.reportDue', { date: t.date(tranche.dueAt) })}</>}
    </span>
  );
}

export function TranchesSection(props: { award: GranteeAward }) {
  const { t, language } = usePage();
  return (
    <section aria-labelledby="tranches-title">
      <h2 id="tranches-title">{t.t('grantee.tranches.title')}</h2>
      {/* Cards, not a table: four columns do not fit a phone without scrolling sideways. */}
      <ol class="card-list">
        {props.award.tranches.map((tranche) => (
          <li class="card" id={`tranche-${tranche.position}`}>
            <h3>
              {tranche.position}. {contentText(tranche.label, language)}
            </h3>
            <dl class="summary-list">
              <dt>{t.t('grantee.tranches.amount')}</dt>
              <dd>{t.money(tranche.amount)}</dd>
              <dt>{t.t('grantee.tranches.condition')}</dt>
              <dd>
                <TrancheCondition tranche={tranche} />
              </dd>
              <dt>{t.t('grantee.tranches.status')}</dt>
              <dd>
                <span class={tagClass(TRANCHE_STATUS[tranche.status])}>{t.t(TRANCHE_STATUS[tranche.status].key)}</span>
              </dd>
            </dl>
            {tranche.canReport && (
              <p>
                <a class="button" href={`/awards/${props.award.id}/tranches/${tranche.id}/report`}>
                  {t.t(tranche.status === 'returned' ? 'grantee.tranches.reportAgain' : 'grantee.tranches.report')}
                  <span class="visually-hidden">: {contentText(tranche.label, language)}</span>
                </a>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PaymentsSection(props: { award: GranteeAward }) {
  const { t, language } = usePage();
  const labelOf = (trancheId: string) =>
    contentText(props.award.tranches.find((tr) => tr.id === trancheId)?.label, language);
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">{t.t('grantee.payments.title')}</h2>
      {props.award.payments.length === 0 ? (
        <p>{t.t('grantee.payments.none')}</p>
      ) : (
        // Focusable, so a keyboard can scroll it sideways on a narrow screen (WCAG 2.1.1).
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="payments-title">
          <table>
            <caption class="visually-hidden">{t.t('grantee.payments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('grantee.payments.date')}</th>
                <th scope="col">{t.t('grantee.payments.tranche')}</th>
                <th scope="col" class="num">
                  {t.t('grantee.payments.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.award.payments.map((payment) => (
                <tr>
                  <td>
                    <time dateTime={payment.paidOn}>{t.date(`${payment.paidOn}T12:00:00Z`)}</time>
                    {payment.failed && (
                      <>
                        {' '}
                        <span class="tag bad">{t.t('grantee.payments.failed')}</span>
                      </>
                    )}
                  </td>
                  <td>{labelOf(payment.trancheId)}</td>
                  <td class="num">{t.money(payment.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ReportsSection(props: { award: GranteeAward }) {
  const { t, language } = usePage();
  const labelOf = (trancheId: string) =>
    contentText(props.award.tranches.find((tr) => tr.id === trancheId)?.label, language);
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t.t('grantee.reports.title')}</h2>
      {props.award.reports.length === 0 ? (
        <p>{t.t('grantee.reports.none')}</p>
      ) : (
        <ul class="card-list">
          {props.award.reports.map((report) => (
            <li class="card">
              <h3>{labelOf(report.trancheId)}</h3>
              <p>
                <span class={tagClass(REPORT_STATUS[report.status])}>{t.t(REPORT_STATUS[report.status].key)}</span>
              </p>
              <p class="muted">
                {t.t('grantee.reports.sent', { date: t.dateTime(report.submittedAt) })}
                {' · '}
                {t.t('grantee.reports.jobs', { count: report.jobsCreated })}
              </p>
              {report.status === 'returned' && report.reviewComment && (
                <div class="notice">
                  <p>
                    <strong>{t.t('grantee.reports.comment')}</strong>
                  </p>
                  <p>{report.reviewComment}</p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
