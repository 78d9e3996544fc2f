import { PLAN_STATUSES } from '../../../modules/plans/domain/plan-status';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Select } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { Pager } from '../../ui/pager';
import { TableScroll } from '../../ui/table-scroll';
import { PlansView, VillageChoice } from './plans-views';

/** Every plan of one status (a GET form), fifty a page, each linked to its page. */
export function PlansPage(props: { view: PlansView }) {
  const { t, language } = usePage();
  const { view } = props;
  const title = t.t('adminPlans.title');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{t.t('adminPlans.lead')}</p>
      <p>
        <a class="button" href="/admin/plans/new">
          {t.t('adminPlans.new')}
        </a>
      </p>
      <form method="get" action="/admin/plans" class="filters manager-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t.t('adminPlans.filter')}</h2>
        <Select
          name="status"
          label={t.t('adminPlans.col.status')}
          value={view.status}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t.t(`adminPlans.status.${s}`) }))}
        />
        <button type="submit" class="button secondary">
          {t.t('adminPlans.filter.submit')}
        </button>
      </form>
      {view.total === 0 ? (
        <p>{t.t('adminPlans.none')}</p>
      ) : (
        <>
          <p>{t.t('adminPlans.count', { count: view.total })}</p>
          <TableScroll label={title}>
            <table class="admin-plans">
              <thead>
                <tr>
                  <th scope="col">{t.t('adminPlans.col.village')}</th>
                  <th scope="col">{t.t('adminPlans.col.plan')}</th>
                  <th scope="col">{t.t('adminPlans.col.period')}</th>
                  <th scope="col">{t.t('adminPlans.col.status')}</th>
                  <th scope="col">{t.t('adminPlans.col.goals')}</th>
                  <th scope="col">{t.t('adminPlans.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {view.items.map((p) => (
                  <tr>
                    <th scope="row">{contentText(p.village, language)}</th>
                    <td>
                      {p.title} ({t.t('adminPlans.version', { version: p.version })})
                    </td>
                    <td>
                      {p.periodStart}–{p.periodEnd}
                    </td>
                    <td>{t.t(`adminPlans.status.${p.status}`)}</td>
                    <td>{p.goals}</td>
                    <td>
                      <a href={`/admin/plans/${p.id}`}>
                        {t.t('adminPlans.open')}
                        <span class="visually-hidden"> {p.title}</span>
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
            href={(n) => `/admin/plans?status=${view.status}${n > 1 ? `&page=${n}` : ''}`}
            label={t.t('adminPlans.pager')}
          />
        </>
      )}
    </Layout>
  );
}

/** A new plan starts from its village: a GET form that leads to /admin/plans/new?village=<id>. */
export function ChooseVillagePage(props: { villages: VillageChoice[] }) {
  const { t, language } = usePage();
  const title = t.t('adminPlans.new');
  const options = props.villages
    .map((v) => ({ value: v.id, label: contentText(v.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Layout title={title}>
      <p>
        <a href="/admin/plans">{t.t('adminPlans.back')}</a>
      </p>
      <h1>{title}</h1>
      <form method="get" action="/admin/plans/new">
        <Select name="village" label={t.t('adminPlans.col.village')} options={options} />
        <button type="submit" class="button">
          {t.t('adminPlans.chooseVillage')}
        </button>
      </form>
    </Layout>
  );
}
