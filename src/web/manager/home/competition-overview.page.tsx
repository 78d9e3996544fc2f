import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Layout } from '../../ui/layout';
import { TableScroll } from '../../ui/table-scroll';
import { CompetitionOverviewProps } from './manager-home-views';
import { ApplicationStatusTag, CompetitionStatusTag, STATUS_ORDER } from './manager-labels';

/** One competition for its managers: where it stands, its figures, and its sections. */
export function CompetitionOverviewPage(props: CompetitionOverviewProps) {
  const { t, language, user } = usePage();
  const c = props.competition;
  // Setup, opening and closing are the managers' (admins read the overview only).
  const manages = user?.roles.includes('manager') ?? false;
  const s = props.summary;
  const base = `/manage/competitions/${c.id}`;
  const sent = Object.entries(s.byStatus).reduce((sum, [status, n]) => (status === 'draft' ? sum : sum + n), 0);
  const title = contentText(c.title, language);
  return (
    <Layout title={title}>
      <div class="manager-page">
        <p class="breadcrumbs">
          <a href="/manage">{t.t('managerHome.title')}</a>
        </p>
        <span class="hint">{c.code}</span>
        <h1>{title}</h1>
        <dl class="summary-list">
          <dt>{t.t('managerHome.col.status')}</dt>
          <dd>
            <CompetitionStatusTag status={c.status} />
          </dd>
          <dt>{t.t('managerHome.col.dates')}</dt>
          <dd>
            <time dateTime={c.opensAt.toISOString()}>{t.dateTime(c.opensAt)}</time> –{' '}
            <time dateTime={c.closesAt.toISOString()}>{t.dateTime(c.closesAt)}</time>
          </dd>
          <dt>{t.t('managerHome.budget')}</dt>
          <dd>{t.money(s.budget)}</dd>
          <dt>{t.t('managerHome.requested')}</dt>
          <dd>{t.money(s.requestedTotal)}</dd>
        </dl>

        {manages && (
          <p class="competition-setup-links">
            <a href={`${base}/edit`}>
              {c.status === 'draft' ? t.t('managerCompetitions.setup.edit') : t.t('managerCompetitions.setup.view')}
            </a>
            {c.status === 'draft' && (
              <a class="button" href={`${base}/open`}>
                {t.t('managerCompetitions.open.title')}
              </a>
            )}
            {c.status === 'open' && (
              <a class="button secondary" href={`${base}/close`}>
                {t.t('managerCompetitions.close.title')}
              </a>
            )}
          </p>
        )}

        <h2>{t.t('managerHome.sections')}</h2>
        <ul class="manager-sections">
          <li>
            <a href={`${base}/applications`}>{t.t('managerHome.section.applications')}</a>
            <span class="hint">{t.t('managerHome.section.applicationsCount', { count: sent })}</span>
          </li>
          <li>
            <a href={`${base}/rounds`}>{t.t('managerHome.section.rounds')}</a>
            <span class="hint">{t.t('managerHome.section.roundsHint')}</span>
          </li>
          <li>
            <a href={`${base}/awards`}>{t.t('managerHome.section.awards')}</a>
            <span class="hint">{t.t('managerHome.section.awardsHint')}</span>
          </li>
        </ul>

        <h2>{t.t('managerHome.byStatus')}</h2>
        {Object.keys(s.byStatus).length === 0 ? (
          <p>{t.t('managerHome.noApplications')}</p>
        ) : (
          <ul class="status-counts">
            {STATUS_ORDER.filter((status) => s.byStatus[status]).map((status) => (
              <li>
                {status === 'draft' ? (
                  <ApplicationStatusTag status={status} />
                ) : (
                  <a href={`${base}/applications?status=${status}`}>
                    <ApplicationStatusTag status={status} />
                  </a>
                )}{' '}
                {t.number(s.byStatus[status])}
              </li>
            ))}
          </ul>
        )}

        {s.byDistrict.length > 0 && (
          <>
            <h2>{t.t('managerHome.byPlace')}</h2>
            <TableScroll label={t.t('managerHome.byPlace')}>
              <table class="manager-table">
                <thead>
                  <tr>
                    <th scope="col">{t.t('managerHome.district')}</th>
                    <th scope="col" class="num">
                      {t.t('managerHome.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.byDistrict.map((d) => (
                    <tr>
                      <td>
                        <a href={`${base}/applications?district=${d.id}`}>{contentText(d.name, language)}</a>
                      </td>
                      <td class="num">{t.number(d.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
        {Object.keys(s.bySector).length > 0 && (
          <>
            <h2>{t.t('managerHome.bySector')}</h2>
            <ul class="status-counts">
              {Object.entries(s.bySector).map(([sector, n]) => (
                <li>
                  <a href={`${base}/applications?sector=${sector}`}>
                    {t.t(`applySteps.sector.${sector}` as MessageKey)}
                  </a>{' '}
                  {t.number(n)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Layout>
  );
}
