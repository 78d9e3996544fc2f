import { APPLICATION_STATUSES, SECTORS } from '../../../modules/applications/domain/application-status';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Select, TextField } from '../../ui/form';
import { applicationStatusText } from '../home/manager-labels';
import { TableData } from './manager-applications-views';

/**
 * The filters as a GET form: it works as it is without JavaScript; with htmx the table below is
 * swapped in place and the address follows, so the back button and a shared link still work.
 */
export function TableFilters(props: { data: TableData; base: string }) {
  const { t, language } = usePage();
  const { query, choices } = props.data;
  const all = t.t('managerApplications.filter.all');
  const named = (rows: { id: string; name: Parameters<typeof contentText>[0]; count: number }[]) =>
    rows.map((r) => ({ value: r.id, label: `${contentText(r.name, language)} (${t.number(r.count)})` }));
  return (
    <form
      method="get"
      action={props.base}
      class="filters manager-filters"
      aria-labelledby="filters-heading"
      hx-get={props.base}
      hx-target="#applications-results"
      hx-select="#applications-results"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <h2 id="filters-heading">{t.t('managerApplications.filter.title')}</h2>
      <div class="filter-grid">
        <Select
          name="status"
          label={t.t('managerApplications.filter.status')}
          value={query.status}
          options={APPLICATION_STATUSES.map((s) => ({ value: s, label: applicationStatusText(t.t.bind(t), s) }))}
          placeholder={t.t('managerApplications.filter.allSent')}
        />
        <Select
          name="district"
          label={t.t('managerApplications.filter.district')}
          value={query.district}
          options={named(choices.districts)}
          placeholder={all}
        />
        <Select
          name="village"
          label={t.t('managerApplications.filter.village')}
          value={query.village}
          options={named(choices.villages)}
          placeholder={all}
        />
        <Select
          name="goal"
          label={t.t('managerApplications.filter.goal')}
          value={query.goal}
          options={choices.goals.map((g) => ({
            value: g.id,
            label: `${g.code}. ${contentText(g.name, language)} (${t.number(g.count)})`,
          }))}
          placeholder={all}
        />
        <Select
          name="sector"
          label={t.t('managerApplications.filter.sector')}
          value={query.sector}
          options={SECTORS.map((s) => ({ value: s, label: t.t(`applySteps.sector.${s}` as MessageKey) }))}
          placeholder={all}
        />
        <TextField
          name="q"
          label={t.t('managerApplications.filter.text')}
          hint={t.t('managerApplications.filter.textHint')}
          value={query.q}
          maxLength={100}
        />
      </div>
      <button type="submit" class="button secondary">
        {t.t('managerApplications.filter.apply')}
      </button>
      <a href={props.base}>{t.t('managerApplications.filter.reset')}</a>
    </form>
  );
}
