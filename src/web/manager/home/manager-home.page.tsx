import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Layout } from '../../ui/layout';
import { TasksPanel } from '../../ui/tasks-panel';
import { TableScroll } from '../../ui/table-scroll';
import { ApplicationStatusTag, CompetitionStatusTag, STATUS_ORDER } from './manager-labels';
import { ManagerHomeProps } from './manager-home-views';

/** Applications that count as sent: every status but draft. */
const sent = (counts: Record<string, number>): number =>
  Object.entries(counts).reduce((sum, [status, n]) => (status === 'draft' ? sum : sum + n), 0);

/** The staff home: the competitions a manager runs, each with its dates and applications by status. */
export function ManagerHomePage(props: ManagerHomeProps) {
  const { t, language, user } = usePage();
  return (
    <Layout title={t.t('managerHome.title')}>
      <div class="manager-page">
        <h1>{t.t('managerHome.title')}</h1>
        {props.tasks.length > 0 && <TasksPanel tasks={props.tasks} />}
        <p>
          <a href="/manage/approvals">{t.t('managerAwards.approvals.title')}</a> ·{' '}
          <a href="/manage/reports">{t.t('managerAwards.reports.title')}</a>
        </p>
        <h2 id="competitions-heading">{t.t('managerHome.competitions')}</h2>
        {user?.roles.includes('manager') && (
          <p>
            <a class="button secondary" href="/manage/competitions/new">
              {t.t('managerCompetitions.new')}
            </a>
          </p>
        )}
        {props.competitions.length === 0 ? (
          <p>{t.t('managerHome.none')}</p>
        ) : (
          <TableScroll label={t.t('managerHome.competitions')}>
            <table class="manager-table">
              <caption class="visually-hidden">{t.t('managerHome.competitions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('managerHome.col.competition')}</th>
                  <th scope="col">{t.t('managerHome.col.status')}</th>
                  <th scope="col">{t.t('managerHome.col.dates')}</th>
                  <th scope="col" class="num">
                    {t.t('managerHome.budget')}
                  </th>
                  <th scope="col" class="num">
                    {t.t('managerHome.col.sent')}
                  </th>
                  <th scope="col">{t.t('managerHome.col.byStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {props.competitions.map(({ competition: c, counts }) => (
                  <tr>
                    <td>
                      <a href={`/manage/competitions/${c.id}`}>{contentText(c.title, language)}</a>
                      <span class="hint">{c.code}</span>
                    </td>
                    <td>
                      <CompetitionStatusTag status={c.status} />
                    </td>
                    <td>
                      <time dateTime={c.opensAt.toISOString()}>{t.date(c.opensAt)}</time> –{' '}
                      <time dateTime={c.closesAt.toISOString()}>{t.date(c.closesAt)}</time>
                    </td>
                    <td class="num">{t.money(c.budget)}</td>
                    <td class="num">{t.number(sent(counts))}</td>
                    <td>
                      <ul class="status-counts">
                        {STATUS_ORDER.filter((status) => counts[status]).map((status) => (
                          <li>
                            <ApplicationStatusTag status={status} /> {t.number(counts[status])}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {props.more && <p class="muted">{t.t('managerHome.more')}</p>}
      </div>
    </Layout>
  );
}
