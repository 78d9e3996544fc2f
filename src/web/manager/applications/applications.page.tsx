import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { ApplicationsTable } from './applications-table';
import { TableData } from './manager-applications-views';
import { Pager } from '../../ui/pager';
import { ScreeningFields } from './screening-fields';
import { BULK_LIMIT, ScreeningForm } from './screening-form';
import { FILTER_FIELDS, tableSearch } from './table-query';
import { TableFilters } from './table-filters';

export interface ApplicationsPageProps {
  data: TableData;
  /** The bulk form as sent, when it is shown again with its problems. */
  form?: ScreeningForm & { ids: string[]; all: boolean };
  errors?: FieldError[];
}

/**
 * A competition's applications: filters (a GET form), the table sorted by its headers and paged,
 * the CSV of what the filters pick, and bulk screening of the ticked rows or of every match.
 */
export function ApplicationsPage(props: ApplicationsPageProps) {
  const { t, language } = usePage();
  const { data } = props;
  const c = data.competition;
  const base = `/manage/competitions/${c.id}/applications`;
  const errors = props.errors ?? [];
  const form = props.form ?? { decision: '', reason: '', note: '', ids: [], all: false };
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const search = tableSearch({ ...data.query, page: 1 });
  const title = contentText(c.title, language);
  const allError = errors.find((e) => e.field === 'all');
  return (
    <Layout title={`${t.t('managerApplications.title')}: ${title}`}>
      <div class="manager-page manager-wide">
        <p class="breadcrumbs">
          <a href="/manage">{t.t('managerHome.title')}</a> › <a href={`/manage/competitions/${c.id}`}>{title}</a>
        </p>
        <h1>{t.t('managerApplications.title')}</h1>
        {c.status === 'open' && (
          <p>
            <a href={`/manage/competitions/${c.id}/intake`}>{t.t('managerIntake.link')}</a>
          </p>
        )}
        <ErrorSummary errors={errors} />
        <TableFilters data={data} base={base} />
        <div id="applications-results">
          <p role="status">
            {t.t('managerApplications.matching', { count: data.total })}{' '}
            <a href={`/manage/competitions/${c.id}/applications.csv${search}`} type="text/csv" download="">
              {t.t('managerApplications.csv', { count: data.total })}
            </a>
          </p>
          {data.rows.length === 0 ? (
            <p>{t.t('managerApplications.none')}</p>
          ) : (
            <form method="post" action={`${base}/screening`} class="bulk-form">
              <CsrfField />
              {FILTER_FIELDS.map((field) =>
                data.query[field] ? <input type="hidden" name={field} value={data.query[field]} /> : null,
              )}
              <ApplicationsTable data={data} base={base} checked={new Set(form.ids)} />
              <Pager
                page={data.query.page}
                pages={pages}
                href={(n) => base + tableSearch({ ...data.query, page: n })}
                label={t.t('managerApplications.pager.label')}
              />
              <fieldset class="bulk-screening">
                <legend>
                  <h2>{t.t('managerApplications.bulk.title')}</h2>
                </legend>
                <p class="hint">{t.t('managerApplications.bulk.lead', { limit: BULK_LIMIT })}</p>
                <div class={allError ? 'form-group has-error' : 'form-group'}>
                  {allError && (
                    <span class="field-error" id="all-error">
                      {t.t(allError.message, allError.params)}
                    </span>
                  )}
                  <div class="choice">
                    <input
                      type="checkbox"
                      name="all"
                      value="1"
                      id="all"
                      checked={form.all}
                      disabled={data.total > BULK_LIMIT}
                      aria-describedby={allError ? 'all-error all-hint' : 'all-hint'}
                    />
                    <label for="all">{t.t('managerApplications.bulk.all', { count: data.total })}</label>
                  </div>
                  <span class="hint" id="all-hint">
                    {data.total > BULK_LIMIT
                      ? t.t('managerApplications.bulk.tooMany', { limit: BULK_LIMIT })
                      : t.t('managerApplications.bulk.allHint')}
                  </span>
                </div>
                <ScreeningFields form={form} errors={errors} />
                <button type="submit" class="button">
                  {t.t('managerApplications.bulk.submit')}
                </button>
              </fieldset>
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}
