import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { Pager } from '../ui/pager';
import { TableScroll } from '../ui/table-scroll';
import { PaymentsView, RecentPayment } from './finance-views';

/** Recorded payments, newest first, fifty a page; a recorded one can be marked as failed. */
export function PaymentsPage(props: { view: PaymentsView; failed?: RecentPayment }) {
  const { t, language } = usePage();
  const { view, failed } = props;
  const title = t.t('finance.payments.title');
  return (
    <Layout title={title}>
      <p>
        <a href="/finance">{t.t('finance.toPay.title')}</a>
      </p>
      {failed && (
        <p class="notice success" role="status">
          {t.t('finance.done.failed', { reference: failed.reference })}
        </p>
      )}
      <h1>{title}</h1>
      <p class="lead">{t.t('finance.payments.lead')}</p>
      {view.total === 0 ? (
        <p>{t.t('finance.payments.none')}</p>
      ) : (
        <>
          <TableScroll label={title}>
            <table class="finance-payments">
              <thead>
                <tr>
                  <th scope="col">{t.t('finance.col.award')}</th>
                  <th scope="col">{t.t('finance.col.tranche')}</th>
                  <th scope="col" class="num">
                    {t.t('finance.col.amount')}
                  </th>
                  <th scope="col">{t.t('finance.col.bankReference')}</th>
                  <th scope="col">{t.t('finance.col.paidOn')}</th>
                  <th scope="col">{t.t('finance.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {view.items.map((p) => (
                  <tr>
                    <th scope="row">
                      {p.reference}
                      <br />
                      {p.granteeName}
                    </th>
                    <td>
                      {p.tranchePosition}. {contentText(p.trancheLabel, language)}
                      <br />
                      {contentText(p.competitionTitle, language)}
                    </td>
                    <td class="num">{t.money(p.amount)}</td>
                    <td>{p.bankReference}</td>
                    <td>{t.date(p.paidOn)}</td>
                    <td>
                      {p.status === 'failed' ? (
                        t.t('finance.status.failed', { reason: p.failureReason ?? '' })
                      ) : (
                        <>
                          {t.t('finance.status.recorded')}
                          <br />
                          <a href={`/finance/payments/${p.paymentId}/failure`}>
                            {t.t('finance.payments.fail')}
                            <span class="visually-hidden"> {p.bankReference}</span>
                          </a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={view.page}
            pages={view.pages}
            href={(n) => (n === 1 ? '/finance/payments' : `/finance/payments?page=${n}`)}
            label={t.t('finance.payments.pager')}
          />
        </>
      )}
    </Layout>
  );
}
