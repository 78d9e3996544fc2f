import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { PERSON_FIELD_LIMITS } from './account-forms';

/** Opening the link only shows a button: mail scanners follow links, and must not confirm. */
export function ConfirmEmailPage(props: { token: string }) {
  const { t } = usePage();
  return (
    <Layout title={t.t('account.confirm.title')}>
      <h1>{t.t('account.confirm.title')}</h1>
      <p>{t.t('account.confirm.intro')}</p>
      <form method="post" action="/confirm-email">
        <CsrfField />
        <input type="hidden" name="token" value={props.token} />
        <button class="button" type="submit">
          {t.t('account.confirm.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function EmailConfirmedPage(props: { outcome: 'confirmed' | 'already_confirmed' }) {
  const { t } = usePage();
  return (
    <Layout title={t.t('account.confirm.title')}>
      <h1>{t.t('account.confirm.title')}</h1>
      <p class="notice success" role="status">
        {t.t(props.outcome === 'confirmed' ? 'account.confirm.confirmed' : 'account.confirm.already')}
      </p>
      <p>
        <a href="/">{t.t('account.confirm.continue')}</a>
      </p>
    </Layout>
  );
}

/** A link from a mail that does not work, said in words, with the way to a new one. */
export function LinkProblemPage(props: { problemKey: MessageKey; purpose: 'confirm' | 'reset' }) {
  const { t } = usePage();
  return (
    <Layout title={t.t('account.link.problemTitle')}>
      <h1>{t.t('account.link.problemTitle')}</h1>
      <p>{t.t(props.problemKey)}</p>
      {props.purpose === 'confirm' ? (
        <p>
          {t.t('account.link.newConfirm')} <a href="/account">{t.t('common.nav.account')}</a>
        </p>
      ) : (
        <p>
          <a href="/forgot-password">{t.t('account.link.newReset')}</a>
        </p>
      )}
    </Layout>
  );
}

export function ForgotPasswordPage(props: {
  email: string;
  errors: FieldError[];
  sent: boolean;
  problemKey?: MessageKey;
}) {
  const { t } = usePage();
  return (
    <Layout title={t.t('account.forgot.title')}>
      <ErrorSummary errors={props.errors} />
      <ProblemBox message={props.problemKey} />
      <h1>{t.t('account.forgot.title')}</h1>
      {props.sent ? (
        <p class="notice success" role="status">
          {t.t('account.forgot.sent')}
        </p>
      ) : (
        <>
          <p>{t.t('account.forgot.intro')}</p>
          <form method="post" action="/forgot-password" novalidate>
            <CsrfField />
            <TextField
              name="email"
              type="email"
              label={t.t('account.field.email')}
              value={props.email}
              autocomplete="email"
              maxLength={PERSON_FIELD_LIMITS.email.max}
              errors={props.errors}
            />
            <button class="button" type="submit">
              {t.t('account.forgot.submit')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ResetPasswordPage(props: { token: string; errors: FieldError[] }) {
  const { t } = usePage();
  const limits = PERSON_FIELD_LIMITS.password;
  return (
    <Layout title={t.t('account.reset.title')}>
      <ErrorSummary errors={props.errors} />
      <h1>{t.t('account.reset.title')}</h1>
      <p>{t.t('account.reset.intro')}</p>
      <form method="post" action="/reset-password" novalidate>
        <CsrfField />
        <input type="hidden" name="token" value={props.token} />
        <TextField
          name="password"
          type="password"
          label={t.t('account.field.newPassword')}
          hint={t.t('account.field.passwordHint', { min: limits.min })}
          autocomplete="new-password"
          maxLength={limits.max}
          errors={props.errors}
        />
        <TextField
          name="passwordAgain"
          type="password"
          label={t.t('account.field.newPasswordAgain')}
          autocomplete="new-password"
          maxLength={limits.max}
          errors={props.errors}
        />
        <button class="button" type="submit">
          {t.t('account.reset.submit')}
        </button>
      </form>
    </Layout>
  );
}
