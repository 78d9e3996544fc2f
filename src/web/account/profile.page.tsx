import { MessageKey } from '../i18n/catalogue';
import { MessageParams } from '../i18n/translator';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { PERSON_FIELD_LIMITS } from './account-forms';
import { SessionRow, SessionsSection } from './sessions-section';
import { PhoneLanguageVillageFields, VillageChoice } from './village-select';

export interface ProfileForm {
  fullName: string;
  phone: string;
  preferredLanguage: string;
  homeVillageId: string;
}

export interface ProfileProps {
  email: string;
  emailConfirmed: boolean;
  form: ProfileForm;
  villages: VillageChoice[];
  sessions: SessionRow[];
  currentSessionId: string;
  errors: FieldError[];
  notice?: { key: MessageKey; params?: MessageParams };
  problemKey?: MessageKey;
}

/** The person's own account: details, password, and where they are signed in. */
export function ProfilePage(props: ProfileProps) {
  const { t } = usePage();
  const limits = PERSON_FIELD_LIMITS;
  return (
    <Layout title={t.t('accountProfile.title')}>
      <ErrorSummary errors={props.errors} />
      <ProblemBox message={props.problemKey} />
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(props.notice.key, props.notice.params)}
        </p>
      )}
      <h1>{t.t('accountProfile.title')}</h1>
      <h2>{t.t('accountProfile.details')}</h2>
      <dl class="summary-list">
        <dt>{t.t('account.field.email')}</dt>
        <dd>
          {props.email}{' '}
          <span class={props.emailConfirmed ? 'tag ok' : 'tag warn'}>
            {t.t(props.emailConfirmed ? 'accountProfile.emailConfirmed' : 'accountProfile.emailUnconfirmed')}
          </span>
        </dd>
      </dl>
      {!props.emailConfirmed && (
        <form method="post" action="/account/confirm-email/resend">
          <CsrfField />
          <button class="button secondary" type="submit">
            {t.t('accountProfile.resend')}
          </button>
        </form>
      )}
      <form method="post" action="/account" novalidate>
        <CsrfField />
        <TextField
          name="fullName"
          label={t.t('account.field.fullName')}
          value={props.form.fullName}
          autocomplete="name"
          maxLength={limits.fullName.max}
          errors={props.errors}
        />
        <PhoneLanguageVillageFields
          form={props.form}
          villages={props.villages}
          errors={props.errors}
          village={{ placeholder: t.t('accountProfile.villageNone'), hideEmpty: true }}
        />
        <button class="button" type="submit">
          {t.t('common.save')}
        </button>
      </form>
      <h2>{t.t('accountProfile.password')}</h2>
      <p>{t.t('accountProfile.passwordIntro')}</p>
      <form method="post" action="/account/password" novalidate>
        <CsrfField />
        <TextField
          name="currentPassword"
          type="password"
          label={t.t('account.field.currentPassword')}
          autocomplete="current-password"
          maxLength={limits.password.max}
          errors={props.errors}
        />
        <TextField
          name="newPassword"
          type="password"
          label={t.t('account.field.newPassword')}
          hint={t.t('account.field.passwordHint', { min: limits.password.min })}
          autocomplete="new-password"
          maxLength={limits.password.max}
          errors={props.errors}
        />
        <button class="button" type="submit">
          {t.t('accountProfile.passwordSubmit')}
        </button>
      </form>
      <SessionsSection sessions={props.sessions} currentSessionId={props.currentSessionId} />
    </Layout>
  );
}
