import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { TableScroll } from '../../ui/table-scroll';
import { ApplicationStatusTag } from '../home/manager-labels';
import { TableData } from './manager-applications-views';
import { TableQuery, TableSort, tableSearch } from './table-query';

const COLUMNS: { sort?: TableSort; label: MessageKey; num?: boolean }[] = [
  { sort: 'reference', label: 'managerApplications.col.reference' },
  { sort: 'title', label: 'managerApplications.col.title' },
  { label: 'managerApplications.col.applicant' },
  { label: 'managerApplications.col.village' },
  { label: 'managerApplications.col.sector' },
  { sort: 'requestedAmount', label: 'managerApplications.col.requested', num: true },
  { label: 'managerApplications.col.status' },
  { sort: 'submittedAt', label: 'managerApplications.col.submitted' },
];

/** A column header that sorts by it: ascending first, then the other way; the sorted one says so. */
function SortHeader(props: { column: (typeof COLUMNS)[number]; query: TableQuery; base: string }) {
  const { t } = usePage();
  const { column, query } = props;
  const label = t.t(column.label);
  if (!column.sort) return <th scope="col">{label}</th>;
  const sorted = query.sort === column.sort;
  const order = sorted && query.order === 'asc' ? 'desc' : 'asc';
  const href = props.base + tableSearch({ ...query, sort: column.sort, order, page: 1 });
  return (
    <th
      scope="col"
      class={column.num ? 'num' : undefined}
      aria-sort={sorted ? (query.order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <a href={href}>
        {label}
        {sorted && <span aria-hidden="true">{query.order === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span class="visually-hidden">
          {' '}
          ({t.t(order === 'asc' ? 'managerApplications.sort.asc' : 'managerApplications.sort.desc')})
        </span>
      </a>
    </th>
  );
}

/** One page of the applications, each row with a box to tick for bulk screening. */
export function ApplicationsTable(props: { data: TableData; base: string; checked: ReadonlySet<string> }) {
  const { t, language } = usePage();
  const { rows, query } = props.data;
  return (
    <TableScroll label={t.t('managerApplications.tableLabel')}>
      <table class="manager-table applications-table">
        <caption class="visually-hidden">{t.t('managerApplications.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col" class="pick">
              <span class="visually-hidden">{t.t('managerApplications.col.pick')}</span>
              <input
                type="checkbox"
                data-pick-page=""
                hidden
                aria-label={t.t('managerApplications.pickPage')}
                title={t.t('managerApplications.pickPage')}
              />
            </th>
            {COLUMNS.map((column) => (
              <SortHeader column={column} query={query} base={props.base} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ application: a, villageName, districtName, applicantName }) => {
            const name = a.reference ?? a.title;
            return (
              <tr>
                <td class="pick">
                  <input
                    type="checkbox"
                    name="ids"
                    value={a.id}
                    id={`pick-${a.id}`}
                    checked={props.checked.has(a.id)}
                    aria-label={t.t('managerApplications.pickOne', { name })}
                  />
                </td>
                <td>
                  <a href={`/manage/applications/${a.id}`}>{a.reference ?? t.t('managerApplications.noReference')}</a>
                </td>
                <td>{a.title || t.t('managerApplications.untitled')}</td>
                <td>{applicantName}</td>
                <td>
                  {contentText(villageName, language)}
                  <span class="hint">{contentText(districtName, language)}</span>
                </td>
                <td>{t.t(`applySteps.sector.${a.sector}` as MessageKey)}</td>
                <td class="num">{t.money(a.requestedAmount)}</td>
                <td>
                  <ApplicationStatusTag status={a.status} />
                </td>
                <td>{a.submittedAt && <time dateTime={a.submittedAt.toISOString()}>{t.date(a.submittedAt)}</time>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
