import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, FieldError } from '../../ui/form';
import { TableScroll } from '../../ui/table-scroll';
import { REPORT_STATUS, TRANCHE_STATUS } from '../../grantee/grantee-labels';
import { historyKey, StatusTag } from './manager-awards-labels';
import { ManagerAward } from './manager-awards-view';

export const trancheField = (position: number) => `tranche-${position}`;

/** The offer once approved, and the applicant's answer. */
export function OfferSection(props: { award: ManagerAward }) {
  const { t } = usePage();
  const { award } = props;
  const line = (() => {
    switch (award.status) {
      case 'proposed':
        return t.t('managerAwards.award.offer.notYet');
      case 'approved':
        return t.t('managerAwards.award.offer.waiting', { date: award.respondBy ? t.dateTime(award.respondBy) : '' });
      case 'accepted':
      case 'active':
      case 'completed':
        return t.t('managerAwards.award.offer.accepted', {
          date: award.respondedAt ? t.dateTime(award.respondedAt) : '',
        });
      case 'declined':
        return award.respondedAt
          ? t.t('managerAwards.award.offer.declined', { date: t.dateTime(award.respondedAt) })
          : t.t('managerAwards.award.offer.lapsed');
      case 'cancelled':
        return t.t('managerAwards.award.offer.cancelled');
    }
  })();
  return (
    <section aria-labelledby="offer-title">
      <h2 id="offer-title">{t.t('managerAwards.award.offer.title')}</h2>
      <p>{line}</p>
    </section>
  );
}

/** The schedule: a table, with the amounts as inputs while the grantee has not accepted it. */
export function TranchesSection(props: { award: ManagerAward; amounts: string[]; errors: FieldError[] }) {
  const { t, language } = usePage();
  const { award } = props;
  const editable = award.scheduleEditable;
  const table = (
    <TableScroll label={t.t('managerAwards.tranches.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.t('managerAwards.tranches.col.tranche')}</th>
            <th scope="col">{t.t('managerAwards.tranches.col.condition')}</th>
            <th scope="col">{t.t('managerAwards.tranches.col.amount')}</th>
            <th scope="col">{t.t('managerAwards.tranches.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {award.tranches.map((tranche, i) => {
            const field = trancheField(tranche.position);
            const invalid = props.errors.some((e) => e.field === field);
            return (
              <tr>
                <th scope="row">
                  {tranche.position}. {contentText(tranche.label, language)}
                </th>
                <td>
                  {t.t(
                    tranche.reportRequired ? 'managerAwards.tranches.afterReport' : 'managerAwards.tranches.onSigning',
                  )}
                </td>
                <td class="num">
                  {editable ? (
                    <>
                      <label class="visually-hidden" for={field}>
                        {t.t('managerAwards.tranches.amountLabel', { position: tranche.position })}
                      </label>
                      <input
                        class="ma-amount"
                        id={field}
                        name={field}
                        type="text"
                        inputMode="decimal"
                        autocomplete="off"
                        value={props.amounts[i]}
                        aria-invalid={invalid ? 'true' : undefined}
                      />
                    </>
                  ) : (
                    t.money(tranche.amount)
                  )}
                </td>
                <td>
                  <StatusTag label={TRANCHE_STATUS[tranche.status]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <section aria-labelledby="tranches-title">
      <h2 id="tranches-title">{t.t('managerAwards.tranches.title')}</h2>
      {editable ? (
        <form method="post" action={`/manage/awards/${award.id}/tranches`} id="tranches" tabIndex={-1}>
          <CsrfField />
          <p class="hint">{t.t('managerAwards.tranches.editHint', { amount: t.money(award.amount) })}</p>
          {table}
          <button class="button" type="submit">
            {t.t('managerAwards.tranches.save')}
          </button>
        </form>
      ) : (
        <>
          {table}
          {award.status !== 'cancelled' && award.status !== 'declined' && (
            <p class="muted">{t.t('managerAwards.tranches.frozen')}</p>
          )}
        </>
      )}
    </section>
  );
}

export function PaymentsAndReports(props: { award: ManagerAward }) {
  const { t, language } = usePage();
  const { award } = props;
  const labelOf = (id: string) => contentText(award.tranches.find((x) => x.id === id)?.label, language);
  return (
    <>
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">{t.t('managerAwards.payments.title')}</h2>
        {award.payments.length === 0 ? (
          <p>{t.t('managerAwards.payments.none')}</p>
        ) : (
          <TableScroll label={t.t('managerAwards.payments.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.t('managerAwards.payments.date')}</th>
                  <th scope="col">{t.t('managerAwards.payments.tranche')}</th>
                  <th scope="col" class="num">
                    {t.t('managerAwards.payments.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {award.payments.map((p) => (
                  <tr>
                    <td>
                      {t.date(new Date(`${p.paidOn}T12:00:00Z`))}
                      {p.failed && <span class="tag bad"> {t.t('managerAwards.payments.failed')}</span>}
                    </td>
                    <td>{labelOf(p.trancheId)}</td>
                    <td class="num">{t.money(p.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t.t('managerAwards.reports.ofAward')}</h2>
        {award.reports.length === 0 ? (
          <p>{t.t('managerAwards.reports.ofAwardNone')}</p>
        ) : (
          <ul class="card-list">
            {award.reports.map((r) => (
              <li class="card">
                <p>
                  <strong>{labelOf(r.trancheId)}</strong> <StatusTag label={REPORT_STATUS[r.status]} />
                </p>
                <p class="muted">{t.t('managerAwards.report.sent', { date: t.dateTime(r.submittedAt) })}</p>
                <a href={`/manage/reports/${r.id}`}>{t.t('managerAwards.reports.open')}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function HistorySection(props: { award: ManagerAward }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.t('managerAwards.award.history.title')}</h2>
      <ol class="ma-history">
        {props.award.history.map((step) => (
          <li>
            <time dateTime={step.at.toISOString()}>{t.dateTime(step.at)}</time> {t.t(historyKey(step.action))}
            {step.note && <>: {step.note}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
