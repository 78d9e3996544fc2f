import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { Pager } from '../ui/pager';
import { TableScroll } from '../ui/table-scroll';
import { ToPayView, TrancheToPay } from './finance-views';

/** "To pay": approved tranches waiting for a finance officer, the longest waiting first, fifty a page. */
export function ToPayPage(props: { view: ToPayView; paid?: TrancheToPay }) {
  const { t, language } = usePage();
  const { view, paid } = props;
  const title = t.t('finance.toPay.title');
  return (
    <Layout title={title}>
      {paid && (
        <p class="notice success" role="status">
          {t.t('finance.done.paid', {
            reference: paid.reference,
            tranche: `${paid.tranchePosition}. ${contentText(paid.trancheLabel, language)}`,
          })}
        </p>
      )}
      <h1>{title}</h1>
      <p class="lead">{t.t('finance.toPay.lead')}</p>
      <p>
        <a href="/finance/payments">{t.t('finance.payments.link')}</a>
      </p>
      {view.total === 0 ? (
        <p>{t.t('finance.toPay.none')}</p>
      ) : (
        <>
          <p>{t.t('finance.toPay.count', { count: view.total })}</p>
          <TableScroll label={title}>
            <table class="finance-to-pay">
              <thead>
                <tr>
                  <th scope="col">{t.t('finance.col.award')}</th>
                  <th scope="col">{t.t('finance.col.competition')}</th>
                  <th scope="col">{t.t('finance.col.tranche')}</th>
                  <th scope="col" class="num">
                    {t.t('finance.col.amount')}
                  </th>
                  <th scope="col">{t.t('finance.col.approved')}</th>
                  <th scope="col">{t.t('finance.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {view.items.map((row) => (
                  <tr>
                    <th scope="row">
                      {row.reference}
                      <br />
                      {row.granteeName}
                    </th>
                    <td>{contentText(row.competitionTitle, language)}</td>
                    <td>
                      {row.tranchePosition}. {contentText(row.trancheLabel, language)}
                    </td>
                    <td class="num">{t.money(row.amount)}</td>
                    <td>{t.date(row.approvedAt)}</td>
                    <td>
                      <a href={`/finance/tranches/${row.trancheId}/pay`}>
                        {t.t('finance.toPay.record')}
                        <span class="visually-hidden">
                          {' '}
                          {row.reference}, {row.tranchePosition}
                        </span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={view.page}
            pages={view.pages}
            href={(n) => (n === 1 ? '/finance' : `/finance?page=${n}`)}
            label={t.t('finance.toPay.pager')}
          />
        </>
      )}
    </Layout>
  );
}
