import { CompetitionStatus } from '../../../modules/competitions/domain/competition-status';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, FieldFrame, TextArea, TextField, describedBy } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { LANGUAGE_LABEL, TEXT_LANGUAGES } from '../../render/localized-fields';
import { SetupForm } from './setup-form';
import { AwardRulesFields, EligibleFields, EnvelopeFields } from './setup-sections';
import { PlaceChoices } from './setup-views';

export interface SetupPageProps {
  /** Null: a new competition. */
  competition: { id: string; status: CompetitionStatus; title: LocalizedText } | null;
  form: SetupForm;
  places: PlaceChoices;
  errors: FieldError[];
}

/**
 * The whole setup of a competition as one form in sections, working without JavaScript: lists of
 * rows grow and shrink with submit buttons that show the form again (nothing is stored until
 * "save"). Once the competition has opened its rules are frozen: the same fields, read only, and
 * a sentence why.
 */
export function SetupPage(props: SetupPageProps) {
  const { t, language } = usePage();
  const { form, errors, competition } = props;
  const readOnly = competition !== null && competition.status !== 'draft';
  const title = competition ? t.t('managerCompetitions.edit.title') : t.t('managerCompetitions.new.title');
  const action = competition ? `/manage/competitions/${competition.id}/edit` : '/manage/competitions/new';
  const money = (name: 'budget' | 'minAward' | 'maxAward') => (
    <TextField
      name={name}
      label={t.t(`managerCompetitions.field.${name}`)}
      hint={t.t('managerCompetitions.field.moneyHint')}
      value={form[name]}
      inputMode="decimal"
      maxLength={24}
      errors={errors}
    />
  );
  return (
    <Layout title={title}>
      <div class="manager-page setup-page">
        <p class="back-link">
          {competition ? (
            <a href={`/manage/competitions/${competition.id}`}>{t.t('managerCompetitions.back.overview')}</a>
          ) : (
            <a href="/manage">{t.t('managerCompetitions.back.home')}</a>
          )}
        </p>
        <ErrorSummary errors={errors} />
        {competition && <span class="hint">{contentText(competition.title, language)}</span>}
        <h1>{title}</h1>
        {readOnly && (
          <p class="notice" role="status">
            {t.t('managerCompetitions.frozen', {
              status: t.t(`managerHome.competitionStatus.${competition.status}` as MessageKey),
            })}
          </p>
        )}
        <form method="post" action={action} class="setup-form" novalidate>
          <CsrfField />
          {/* Enter in a field saves: the first submit button of a form is the one Enter presses. */}
          {!readOnly && (
            <button type="submit" name="action" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
              {t.t('managerCompetitions.save')}
            </button>
          )}
          <input type="hidden" name="envelopes" value={String(form.envelopes.length)} />
          <input type="hidden" name="tranches" value={String(form.tranches.length)} />
          <input type="hidden" name="floors" value={String(form.floors.length)} />
          <fieldset class="setup-section" disabled={readOnly}>
            <legend>{t.t('managerCompetitions.section.basics')}</legend>
            <TextField
              name="code"
              label={t.t('managerCompetitions.field.code')}
              hint={t.t('managerCompetitions.field.codeHint')}
              value={form.code}
              maxLength={8}
              autocomplete="off"
              errors={errors}
            />
            <p class="hint" id="title-hint">
              {t.t('managerCompetitions.field.titleHint')}
            </p>
            <div class="title-fields">
              {TEXT_LANGUAGES.map((l) => (
                <TextField
                  name={`title-${l}`}
                  label={t.t('managerCompetitions.field.title', { language: t.t(LANGUAGE_LABEL[l]) })}
                  value={form.title[l]}
                  maxLength={300}
                  errors={errors}
                />
              ))}
            </div>
            {TEXT_LANGUAGES.map((l) => (
              <TextArea
                name={`description-${l}`}
                label={t.t('managerCompetitions.field.description', { language: t.t(LANGUAGE_LABEL[l]) })}
                value={form.description[l]}
                maxLength={20000}
                rows={4}
                errors={errors}
              />
            ))}
          </fieldset>
          <fieldset class="setup-section" disabled={readOnly}>
            <legend>{t.t('managerCompetitions.section.money')}</legend>
            {money('budget')}
            <div class="field-row">
              {money('minAward')}
              {money('maxAward')}
            </div>
            <div class="field-row">
              <TextField
                name="minOwnShare"
                label={t.t('managerCompetitions.field.minOwnShare')}
                value={form.minOwnShare}
                inputMode="decimal"
                maxLength={8}
                errors={errors}
              />
              <TextField
                name="maxApplications"
                label={t.t('managerCompetitions.field.maxApplications')}
                value={form.maxApplications}
                inputMode="numeric"
                maxLength={3}
                errors={errors}
              />
            </div>
          </fieldset>
          <fieldset class="setup-section" disabled={readOnly}>
            <legend>{t.t('managerCompetitions.section.dates')}</legend>
            <p class="hint">{t.t('managerCompetitions.field.datesHint')}</p>
            <DayAndTime name="opensAt" form={form} errors={errors} />
            <DayAndTime name="closesAt" form={form} errors={errors} />
          </fieldset>
          <EligibleFields form={form} places={props.places} errors={errors} readOnly={readOnly} />
          <EnvelopeFields form={form} places={props.places} errors={errors} readOnly={readOnly} />
          <AwardRulesFields form={form} places={props.places} errors={errors} readOnly={readOnly} />
          {!readOnly && (
            <button class="button" type="submit" name="action" value="save">
              {competition ? t.t('managerCompetitions.save') : t.t('managerCompetitions.create')}
            </button>
          )}
        </form>
      </div>
    </Layout>
  );
}

/** A day field and a time field side by side; the error sits on the day (its id is the field's name). */
function DayAndTime(props: { name: 'opensAt' | 'closesAt'; form: SetupForm; errors: FieldError[] }) {
  const { t } = usePage();
  const time = `${props.name}Time` as const;
  return (
    <div class="field-row">
      <TextField
        name={props.name}
        type="date"
        label={t.t(`managerCompetitions.field.${props.name}`)}
        value={props.form[props.name]}
        errors={props.errors}
      />
      <FieldFrame name={time} label={t.t('managerCompetitions.field.time')} errors={props.errors}>
        <input
          id={time}
          name={time}
          type="time"
          value={props.form[time]}
          aria-describedby={describedBy({ name: time, label: '', errors: props.errors })}
        />
      </FieldFrame>
    </div>
  );
}
