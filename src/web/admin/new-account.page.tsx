import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { LanguageSelect, RolesFieldset } from './account-fields';
import { NewAccountForm } from './account-forms';

/** Opening a staff account: no password field, the person chooses one from the invitation mail. */
export function NewAccountPage(props: { form: NewAccountForm; errors: FieldError[] }) {
  const { t } = usePage();
  const { form, errors } = props;
  const title = t.t('admin.new.title');
  return (
    <Layout title={title}>
      <p>
        <a href="/admin/users">{t.t('admin.back')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t.t('admin.new.lead')}</p>
      <form method="post" action="/admin/users/new" novalidate>
        <CsrfField />
        <TextField
          name="fullName"
          label={t.t('admin.field.fullName')}
          value={form.fullName}
          autocomplete="off"
          errors={errors}
        />
        <TextField
          name="email"
          type="email"
          label={t.t('admin.field.email')}
          hint={t.t('admin.field.email.hint')}
          value={form.email}
          autocomplete="off"
          errors={errors}
        />
        <TextField
          name="phone"
          type="tel"
          label={t.t('admin.field.phone')}
          value={form.phone}
          autocomplete="off"
          errors={errors}
        />
        <LanguageSelect value={form.preferredLanguage} errors={errors} />
        <RolesFieldset checked={form.roles} errors={errors} />
        <button type="submit" class="button">
          {t.t('admin.new.submit')}
        </button>
      </form>
    </Layout>
  );
}
