import type { ReportAwaiting } from '../../../modules/awards/award-queue-views';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Layout } from '../../ui/layout';
import { TableScroll } from '../../ui/table-scroll';
import { Breadcrumbs } from './manager-awards-labels';

export type ReportsNotice = 'approved' | 'returned';
export const isReportsNotice = (value: unknown): value is ReportsNotice => value === 'approved' || value === 'returned';

/** Milestone reports waiting for review, oldest first. */
export function ReportsPage(props: { reports: ReportAwaiting[]; notice?: ReportsNotice }) {
  const { t, language } = usePage();
  const title = t.t('managerAwards.reports.title');
  return (
    <Layout title={title}>
      <Breadcrumbs>
        {' › '}
        <a href="/manage/approvals">{t.t('managerAwards.nav.approvals')}</a>
      </Breadcrumbs>
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(
            props.notice === 'approved' ? 'managerAwards.report.done.approved' : 'managerAwards.report.done.returned',
          )}
        </p>
      )}
      <h1>{title}</h1>
      <p class="lead">{t.t('managerAwards.reports.lead')}</p>
      {props.reports.length === 0 ? (
        <p>{t.t('managerAwards.reports.none')}</p>
      ) : (
        <TableScroll label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t('managerAwards.reports.col.application')}</th>
                <th scope="col">{t.t('managerAwards.reports.col.competition')}</th>
                <th scope="col">{t.t('managerAwards.reports.col.tranche')}</th>
                <th scope="col">{t.t('managerAwards.reports.col.sent')}</th>
                <th scope="col" class="num">
                  {t.t('managerAwards.reports.col.jobs')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.reports.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/manage/reports/${r.reportId}`}>{r.reference}</a> {r.applicationTitle}
                  </th>
                  <td>{contentText(r.competitionTitle, language)}</td>
                  <td>
                    {r.tranchePosition}. {contentText(r.trancheLabel, language)} ({t.money(r.trancheAmount)})
                  </td>
                  <td>{t.dateTime(r.submittedAt)}</td>
                  <td class="num">{r.jobsCreated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
