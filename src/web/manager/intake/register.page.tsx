import { contentText } from '../../i18n/content';
import { PERSON_FIELD_LIMITS } from '../../account/account-forms';
import { PhoneLanguageVillageFields, VillageChoice } from '../../account/village-select';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, TextField } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { IntakeData } from './intake-views';

export interface WalkInForm {
  fullName: string;
  email: string;
  phone: string;
  preferredLanguage: string;
  homeVillageId: string;
}

/**
 * Assisted intake for a person with no account: the manager registers them (no password: the
 * person gets a mail in their language with a link to choose one), then starts their application.
 */
export function RegisterWalkInPage(props: {
  data: IntakeData;
  form: WalkInForm;
  villages: VillageChoice[];
  errors: FieldError[];
}) {
  const { t, language } = usePage();
  const c = props.data.competition;
  const base = `/manage/competitions/${c.id}`;
  const limits = PERSON_FIELD_LIMITS;
  return (
    <Layout title={t.t('managerIntake.register.title')}>
      <div class="manager-page">
        <p class="breadcrumbs">
          <a href="/manage">{t.t('managerHome.title')}</a> › <a href={base}>{contentText(c.title, language)}</a> ›{' '}
          <a href={`${base}/intake`}>{t.t('managerIntake.title')}</a>
        </p>
        <ErrorSummary errors={props.errors} />
        <h1>{t.t('managerIntake.register.title')}</h1>
        <p>{t.t('managerIntake.register.lead')}</p>
        <form method="post" action={`${base}/intake/register`} novalidate>
          <CsrfField />
          <TextField
            name="fullName"
            label={t.t('account.field.fullName')}
            value={props.form.fullName}
            autocomplete="off"
            maxLength={limits.fullName.max}
            errors={props.errors}
          />
          <TextField
            name="email"
            type="email"
            label={t.t('account.field.email')}
            hint={t.t('managerIntake.register.emailHint')}
            value={props.form.email}
            autocomplete="off"
            maxLength={limits.email.max}
            errors={props.errors}
          />
          <PhoneLanguageVillageFields
            form={props.form}
            villages={props.villages}
            errors={props.errors}
            village={{ placeholder: t.t('account.field.villagePlaceholder') }}
          />
          <button class="button" type="submit">
            {t.t('managerIntake.register.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
