import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { BarChart } from '../ui/bar-chart';
import { Select } from '../ui/form';
import { Layout } from '../ui/layout';
import { API_BASE } from './api-links';
import { GrantTable } from './grant-table';
import { OpenDataView, PlaceOption, SummaryRow } from './public-views';

const BY_PLACE: Record<OpenDataView['byPlace']['level'], MessageKey> = {
  region: 'public.openData.by.region',
  district: 'public.openData.by.district',
  village: 'public.openData.by.village',
};
const LEVEL: Record<OpenDataView['byPlace']['level'], MessageKey> = {
  region: 'public.finder.region',
  district: 'public.finder.district',
  village: 'public.finder.village',
};

/** The query of this page with one more parameter set (for the pager), in a stable order. */
export function openDataHref(filter: OpenDataView['filter'], page: number): string {
  const params = new URLSearchParams();
  const pairs: [string, string | undefined][] = [
    ['competition', filter.competitionId],
    ['region', filter.regionId],
    ['district', filter.districtId],
    ['village', filter.villageId],
    ['goal', filter.goalId],
  ];
  for (const [name, value] of pairs) if (value) params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/open-data?${query}` : '/open-data';
}

/** The filter as the JSON API's query (`?regionId=…`), for the downloads of what the page shows. */
export function apiFilterQuery(filter: OpenDataView['filter']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Awarded grants by region, district, village and plan goal, with filters, charts and downloads. */
export function OpenDataPage(props: { data: OpenDataView }) {
  const { t, language } = usePage();
  const d = props.data;
  const options = (places: PlaceOption[]) => places.map((p) => ({ value: p.id, label: contentText(p.name, language) }));
  const chartRows = (rows: SummaryRow[]) =>
    rows.map((r) => ({
      label: contentText(r.name, language),
      value: r.awarded,
      display: t.money(r.awarded),
      cells: [t.number(r.grants), t.money(r.disbursed)],
    }));
  const placeTitle = t.t(BY_PLACE[d.byPlace.level]);
  const pages = Math.max(1, Math.ceil(d.grantsTotal / d.pageSize));
  return (
    <Layout title={t.t('public.openData.title')}>
      <h1>{t.t('public.openData.title')}</h1>
      <p class="lead">{t.t('public.openData.lead')}</p>

      <form method="get" action="/open-data" class="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t.t('public.openData.filters')}</h2>
        <Select
          name="competition"
          label={t.t('public.openData.competition')}
          value={d.filter.competitionId}
          options={options(d.choices.competitions)}
          placeholder={t.t('public.openData.all')}
        />
        <Select
          name="region"
          label={t.t('public.finder.region')}
          value={d.filter.regionId}
          options={options(d.choices.regions)}
          placeholder={t.t('public.openData.all')}
        />
        {d.filter.regionId && (
          <Select
            name="district"
            label={t.t('public.finder.district')}
            value={d.filter.districtId}
            options={options(d.choices.districts)}
            placeholder={t.t('public.openData.all')}
          />
        )}
        {d.filter.districtId && (
          <Select
            name="village"
            label={t.t('public.finder.village')}
            value={d.filter.villageId}
            options={options(d.choices.villages)}
            placeholder={t.t('public.openData.all')}
          />
        )}
        {d.filter.villageId && d.choices.goals.length > 0 && (
          <Select
            name="goal"
            label={t.t('public.openData.goal')}
            value={d.filter.goalId}
            options={d.choices.goals.map((g) => ({
              value: g.id,
              label: `${g.code} ${contentText(g.title, language)}`,
            }))}
            placeholder={t.t('public.openData.all')}
          />
        )}
        <button type="submit" class="button secondary">
          {t.t('public.openData.apply')}
        </button>
        <a href="/open-data">{t.t('public.openData.reset')}</a>
      </form>

      <h2>{t.t('public.openData.figures')}</h2>
      <dl class="summary-list">
        <dt>{t.t('public.openData.grants')}</dt>
        <dd>{t.number(d.figures.grants)}</dd>
        <dt>{t.t('public.openData.awarded')}</dt>
        <dd>{t.money(d.figures.awarded)}</dd>
        <dt>{t.t('public.openData.disbursed')}</dt>
        <dd>{t.money(d.figures.disbursed)}</dd>
        <dt>{t.t('public.openData.budget')}</dt>
        <dd>{t.money(d.figures.budget)}</dd>
        <dt>{t.t('public.openData.competitions')}</dt>
        <dd>
          {t.t('public.openData.competitionsText', {
            count: d.figures.competitions,
            open: d.figures.openCompetitions,
          })}
        </dd>
        <dt>{t.t('public.openData.applications')}</dt>
        <dd>{t.number(d.figures.applicationsSubmitted)}</dd>
        <dt>{t.t('public.openData.places')}</dt>
        <dd>
          {t.t('public.openData.placesText', {
            villages: d.figures.villagesWithGrants,
            districts: d.figures.districtsWithGrants,
          })}
        </dd>
      </dl>
      <p class="muted">{t.t('public.openData.figuresNote')}</p>

      <h2>{t.t('public.openData.charts')}</h2>
      <BarChart
        id="by-place"
        title={placeTitle}
        description={t.t('public.openData.chartDescription')}
        labelHeading={t.t(LEVEL[d.byPlace.level])}
        valueHeading={t.t('public.openData.awarded')}
        columns={[t.t('public.openData.grants'), t.t('public.openData.disbursed')]}
        rows={chartRows(d.byPlace.rows)}
        empty={t.t('public.openData.noGrants')}
      />
      <BarChart
        id="by-goal"
        title={t.t('public.openData.by.goal')}
        description={t.t('public.openData.chartGoalDescription')}
        labelHeading={t.t('public.openData.goal')}
        valueHeading={t.t('public.openData.awarded')}
        columns={[t.t('public.openData.grants'), t.t('public.openData.disbursed')]}
        rows={chartRows(d.byGoal)}
        empty={t.t('public.openData.noGrants')}
      />

      <h2 id="grants">{t.t('public.openData.grantList')}</h2>
      {d.grants.length === 0 ? (
        <p>{t.t('public.openData.noGrants')}</p>
      ) : (
        <>
          <p>{t.t('public.openData.grantListLead', { count: d.grantsTotal })}</p>
          <GrantTable grants={d.grants} caption={t.t('public.openData.grantList')} showPlace={true} />
          {pages > 1 && (
            <nav class="pager" aria-label={t.t('public.openData.pages')}>
              {d.page > 1 && (
                <a href={`${openDataHref(d.filter, d.page - 1)}#grants`}>{t.t('public.openData.previous')}</a>
              )}{' '}
              <span>{t.t('public.openData.pageOf', { page: d.page, pages })}</span>{' '}
              {d.page < pages && (
                <a href={`${openDataHref(d.filter, d.page + 1)}#grants`}>{t.t('public.openData.next')}</a>
              )}
            </nav>
          )}
        </>
      )}

      <h2>{t.t('public.openData.downloads')}</h2>
      <p>{t.t('public.openData.downloadsLead')}</p>
      <ul>
        <li>
          <a href={`${API_BASE}/public/grants.csv${apiFilterQuery(d.filter)}`} type="text/csv">
            {t.t('public.openData.grantsCsv')}
          </a>
        </li>
        <li>
          <a href={`${API_BASE}/public/grants${apiFilterQuery(d.filter)}`} type="application/json">
            {t.t('public.openData.grantsJson')}
          </a>
        </li>
        <li>
          <a href={`${API_BASE}/public/figures`}>{t.t('public.openData.figuresJson')}</a>
        </li>
        {d.downloads.map((c) => (
          <li>
            <a href={`${API_BASE}/public/competitions/${c.id}/360giving`} type="application/json">
              {t.t('public.openData.threeSixty', { competition: contentText(c.name, language) })}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`${API_BASE}/docs`}>{t.t('public.openData.apiDocs')}</a>
      </p>
    </Layout>
  );
}
