import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextField } from '../ui/form';
import { Layout } from '../ui/layout';

export interface SignInForm {
  email: string;
  next: string;
}

export function SignInPage(props: {
  form: SignInForm;
  errors: FieldError[];
  problemKey?: MessageKey;
  notice?: MessageKey;
}) {
  const { t } = usePage();
  return (
    <Layout title={t.t('account.signIn.title')}>
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(props.notice)}
        </p>
      )}
      <ErrorSummary errors={props.errors} />
      <ProblemBox message={props.problemKey} />
      <h1>{t.t('account.signIn.title')}</h1>
      {props.form.next !== '/' && <p class="hint">{t.t('account.signIn.required')}</p>}
      <form method="post" action="/sign-in" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={props.form.next} />
        <TextField
          name="email"
          type="email"
          label={t.t('account.signIn.email')}
          value={props.form.email}
          autocomplete="email"
          maxLength={254}
          errors={props.errors}
        />
        <TextField
          name="password"
          type="password"
          label={t.t('account.signIn.password')}
          autocomplete="current-password"
          maxLength={128}
          errors={props.errors}
        />
        <button class="button" type="submit">
          {t.t('account.signIn.submit')}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t.t('account.signIn.forgot')}</a>
      </p>
      <p>
        {t.t('account.signIn.noAccount')} <a href="/register">{t.t('common.nav.register')}</a>
      </p>
    </Layout>
  );
}
