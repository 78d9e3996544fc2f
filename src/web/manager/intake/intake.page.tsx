import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, Select, TextArea, TextField } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { FoundApplicant, IntakeData } from './intake-views';

export interface IntakeForm {
  contact: string;
  applicant: string;
  village: string;
  villageReason: string;
}

export interface IntakePageProps {
  data: IntakeData;
  form: IntakeForm;
  /** Whether a search was made (an empty result then says so). */
  searched: boolean;
  matches: FoundApplicant[];
  errors: FieldError[];
  /** A refusal about the competition as a whole (closed, the applicant's limit reached). */
  problem?: MessageKey;
  /** Just registered by the manager: the invitation to choose a password is on its way. */
  registered?: boolean;
}

/**
 * Assisted intake, first page: find the walk-in applicant's account by the email or phone they
 * give, then start the draft for them in an eligible village. The steps that follow are the
 * applicant's own pages, with a banner saying for whom the manager enters it.
 */
export function IntakePage(props: IntakePageProps) {
  const { t, language } = usePage();
  const c = props.data.competition;
  const title = contentText(c.title, language);
  const base = `/manage/competitions/${c.id}`;
  return (
    <Layout title={`${t.t('managerIntake.title')}: ${title}`}>
      <div class="manager-page">
        <p class="breadcrumbs">
          <a href="/manage">{t.t('managerHome.title')}</a> › <a href={base}>{title}</a> ›{' '}
          <a href={`${base}/applications`}>{t.t('managerApplications.title')}</a>
        </p>
        <ErrorSummary errors={props.errors} />
        {props.problem && (
          <div class="error-summary" role="alert" tabIndex={-1} autofocus>
            <p>{t.t(props.problem)}</p>
          </div>
        )}
        {props.registered && (
          <p class="notice success" role="status">
            {t.t('managerIntake.registered', { email: props.form.contact })}
          </p>
        )}
        <h1>{t.t('managerIntake.title')}</h1>
        <p class="lead">{title}</p>
        <p>{t.t('managerIntake.lead', { date: t.dateTime(c.closesAt) })}</p>
        <form method="get" action={`${base}/intake`} novalidate class="intake-search">
          <TextField
            name="contact"
            label={t.t('managerIntake.contact.label')}
            hint={t.t('managerIntake.contact.hint')}
            value={props.form.contact}
            maxLength={254}
            autocomplete="off"
            errors={props.errors}
          />
          <button class="button secondary" type="submit">
            {t.t('managerIntake.find')}
          </button>
        </form>
        {props.searched && <Matches {...props} />}
      </div>
    </Layout>
  );
}

function Matches(props: IntakePageProps) {
  const { t, language } = usePage();
  const { matches, errors, form } = props;
  const base = `/manage/competitions/${props.data.competition.id}`;
  if (matches.length === 0)
    return (
      <div role="status">
        <h2>{t.t('managerIntake.none.title')}</h2>
        <p>{t.t('managerIntake.none.text', { contact: form.contact })}</p>
        <p>{t.t('managerIntake.none.register')}</p>
        <p>
          <a class="button secondary" href={`${base}/intake/register?contact=${encodeURIComponent(form.contact)}`}>
            {t.t('managerIntake.register.link')}
          </a>
        </p>
      </div>
    );
  const villages = props.data.villages
    .map((v) => ({ value: v.id, label: contentText(v.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, t.locale));
  const chosen = form.applicant || (matches.length === 1 ? matches[0].id : '');
  const applicantError = errors.find((e) => e.field === 'applicant');
  return (
    <form method="post" action={`/manage/competitions/${props.data.competition.id}/intake`} novalidate>
      <CsrfField />
      <input type="hidden" name="contact" value={form.contact} />
      <h2>{t.t('managerIntake.found', { count: matches.length })}</h2>
      <div class={applicantError ? 'form-group has-error' : 'form-group'}>
        <fieldset aria-describedby={applicantError ? 'applicant-error' : undefined}>
          <legend>{t.t('managerIntake.applicant.label')}</legend>
          {applicantError && (
            <span class="field-error" id="applicant-error">
              {t.t(applicantError.message, applicantError.params)}
            </span>
          )}
          {matches.map((m, i) => (
            <div class="choice">
              <input
                type="radio"
                name="applicant"
                id={i === 0 ? 'applicant' : `applicant-${i}`}
                value={m.id}
                checked={m.id === chosen}
              />
              <label for={i === 0 ? 'applicant' : `applicant-${i}`}>
                <strong>{m.name}</strong>
                <span class="hint">
                  {[m.email, m.phone, m.homeVillage ? contentText(m.homeVillage, language) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <Select
        name="village"
        label={t.t('managerIntake.village.label')}
        hint={t.t('managerIntake.village.hint')}
        value={form.village || (matches.find((m) => m.id === chosen)?.homeVillageId ?? '')}
        placeholder={t.t('managerIntake.village.home')}
        options={villages}
        errors={errors}
      />
      <TextArea
        name="villageReason"
        label={t.t('managerIntake.reason.label')}
        hint={t.t('managerIntake.reason.hint')}
        value={form.villageReason}
        maxLength={1000}
        rows={3}
        errors={errors}
      />
      <button class="button" type="submit">
        {t.t('managerIntake.start')}
      </button>
    </form>
  );
}
