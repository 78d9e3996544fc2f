import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, Select } from '../ui/form';
import { Layout } from '../ui/layout';
import { LanguageSelect, RolesFieldset } from './account-fields';
import { AccountChangeForm } from './account-forms';
import { AccountRow } from './admin-views';

export interface AccountPageProps {
  account: AccountRow;
  form: AccountChangeForm;
  errors: FieldError[];
  problem?: MessageKey;
  saved?: boolean;
}

/** One account: its roles, language and access, changed in one form. */
export function AccountPage(props: AccountPageProps) {
  const { t } = usePage();
  const { account, form, errors } = props;
  return (
    <Layout title={account.fullName}>
      <p>
        <a href="/admin/users">{t.t('admin.back')}</a>
      </p>
      {props.saved && (
        <p class="notice success" role="status">
          {t.t('admin.done.saved')}
        </p>
      )}
      <ProblemBox message={props.problem} />
      <ErrorSummary errors={errors} />
      <h1>{account.fullName}</h1>
      <dl class="summary-list">
        <dt>{t.t('admin.col.email')}</dt>
        <dd>{account.email}</dd>
        {account.phone && (
          <>
            <dt>{t.t('admin.field.phone')}</dt>
            <dd>{account.phone}</dd>
          </>
        )}
        <dt>{t.t('admin.col.status')}</dt>
        <dd>{account.active ? t.t('admin.status.active') : t.t('admin.status.disabled')}</dd>
      </dl>
      <p class="lead">{t.t('admin.edit.lead')}</p>
      <form method="post" action={`/admin/users/${account.id}`} novalidate>
        <CsrfField />
        <RolesFieldset checked={form.roles} errors={errors} />
        <LanguageSelect value={form.preferredLanguage} errors={errors} />
        <Select
          name="active"
          label={t.t('admin.field.active')}
          value={form.active}
          options={[
            { value: 'true', label: t.t('admin.active.yes') },
            { value: 'false', label: t.t('admin.active.no') },
          ]}
          errors={errors}
        />
        <button type="submit" class="button">
          {t.t('admin.edit.submit')}
        </button>
      </form>
    </Layout>
  );
}
