import { ROLES } from '../../common/auth/role';
import { usePage } from '../render/page-context';
import { Select, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { Pager } from '../ui/pager';
import { TableScroll } from '../ui/table-scroll';
import { roleLabel } from './account-forms';
import { AccountFilter, AccountsView } from './admin-views';

/** The link to a page of the list with the same filter. */
export function accountsHref(filter: AccountFilter, page = 1): string {
  const query = new URLSearchParams({
    ...(filter.role && { role: filter.role }),
    ...(filter.search && { search: filter.search }),
    ...(page > 1 && { page: String(page) }),
  }).toString();
  return query ? `/admin/users?${query}` : '/admin/users';
}

/** Every account, filtered by role and text (a GET form), fifty a page, each linked to its change form. */
export function AccountsPage(props: { view: AccountsView; created?: string }) {
  const { t } = usePage();
  const { view, created } = props;
  const title = t.t('admin.users.title');
  return (
    <Layout title={title}>
      {created && (
        <p class="notice success" role="status">
          {t.t('admin.done.created', { email: created })}
        </p>
      )}
      <h1>{title}</h1>
      <p class="lead">{t.t('admin.users.lead')}</p>
      <p>
        <a class="button" href="/admin/users/new">
          {t.t('admin.users.new')}
        </a>{' '}
        <a href="/admin/places">{t.t('adminPlaces.link')}</a> <a href="/admin/plans">{t.t('adminPlans.nav')}</a>
      </p>
      <form method="get" action="/admin/users" class="filters manager-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t.t('admin.users.filter')}</h2>
        <div class="filter-grid">
          <Select
            name="role"
            label={t.t('admin.users.filter.role')}
            value={view.filter.role}
            options={ROLES.map((role) => ({ value: role, label: t.t(roleLabel(role)) }))}
            placeholder={t.t('admin.users.filter.anyRole')}
          />
          <TextField
            name="search"
            label={t.t('admin.users.filter.search')}
            value={view.filter.search ?? ''}
            maxLength={100}
          />
        </div>
        <button type="submit" class="button secondary">
          {t.t('admin.users.filter.submit')}
        </button>
      </form>
      {view.total === 0 ? (
        <p>{t.t('admin.users.none')}</p>
      ) : (
        <>
          <p>{t.t('admin.users.count', { count: view.total })}</p>
          <TableScroll label={title}>
            <table class="admin-accounts">
              <thead>
                <tr>
                  <th scope="col">{t.t('admin.col.name')}</th>
                  <th scope="col">{t.t('admin.col.email')}</th>
                  <th scope="col">{t.t('admin.col.roles')}</th>
                  <th scope="col">{t.t('admin.col.status')}</th>
                  <th scope="col">{t.t('admin.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {view.items.map((a) => (
                  <tr>
                    <th scope="row">{a.fullName}</th>
                    <td>{a.email}</td>
                    <td>{a.roles.map((role) => t.t(roleLabel(role))).join(', ')}</td>
                    <td>{a.active ? t.t('admin.status.active') : t.t('admin.status.disabled')}</td>
                    <td>
                      <a href={`/admin/users/${a.id}`}>
                        {t.t('admin.users.edit')}
                        <span class="visually-hidden"> {a.fullName}</span>
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
            href={(n) => accountsHref(view.filter, n)}
            label={t.t('admin.users.pager')}
          />
        </>
      )}
    </Layout>
  );
}
