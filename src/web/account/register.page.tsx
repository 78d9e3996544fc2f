import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { PERSON_FIELD_LIMITS } from './account-forms';
import { PhoneLanguageVillageFields, VillageChoice } from './village-select';

export interface RegisterForm {
  fullName: string;
  email: string;
  phone: string;
  preferredLanguage: string;
  homeVillageId: string;
}

export function RegisterPage(props: {
  form: RegisterForm;
  villages: VillageChoice[];
  errors: FieldError[];
  problemKey?: MessageKey;
}) {
  const { t } = usePage();
  const limits = PERSON_FIELD_LIMITS;
  return (
    <Layout title={t.t('account.register.title')}>
      <ErrorSummary errors={props.errors} />
      <ProblemBox message={props.problemKey} />
      <h1>{t.t('account.register.title')}</h1>
      <p>{t.t('account.register.intro')}</p>
      <form method="post" action="/register" novalidate>
        <CsrfField />
        <TextField
          name="fullName"
          label={t.t('account.field.fullName')}
          value={props.form.fullName}
          autocomplete="name"
          maxLength={limits.fullName.max}
          errors={props.errors}
        />
        <TextField
          name="email"
          type="email"
          label={t.t('account.field.email')}
          hint={t.t('account.field.emailHint')}
          value={props.form.email}
          autocomplete="email"
          maxLength={limits.email.max}
          errors={props.errors}
        />
        <TextField
          name="password"
          type="password"
          label={t.t('account.field.password')}
          hint={t.t('account.field.passwordHint', { min: limits.password.min })}
          autocomplete="new-password"
          maxLength={limits.password.max}
          errors={props.errors}
        />
        <PhoneLanguageVillageFields
          form={props.form}
          villages={props.villages}
          errors={props.errors}
          village={{ placeholder: t.t('account.field.villagePlaceholder'), hint: t.t('account.field.villageHint') }}
        />
        <button class="button" type="submit">
          {t.t('account.register.submit')}
        </button>
      </form>
      <p>
        {t.t('account.register.haveAccount')} <a href="/sign-in">{t.t('common.nav.signIn')}</a>
      </p>
    </Layout>
  );
}

/** After registering: the mail with the confirmation link is on its way. */
export function CheckMailPage(props: { email: string }) {
  const { t } = usePage();
  return (
    <Layout title={t.t('account.checkMail.title')}>
      <h1>{t.t('account.checkMail.title')}</h1>
      <p class="lead">{t.t('account.checkMail.body', { email: props.email })}</p>
      <p>{t.t('account.checkMail.notReceived')}</p>
      <p>
        <a class="button" href="/account">
          {t.t('account.checkMail.continue')}
        </a>
      </p>
    </Layout>
  );
}
