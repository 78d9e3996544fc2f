import { Competition } from '../../modules/competitions/entities/competition.entity';
import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, Select, TextArea } from '../ui/form';
import { Layout } from '../ui/layout';
import { VillageChoice } from './applicant-views';

export interface StartForm {
  village: string;
  villageReason: string;
}

/**
 * Before a draft exists: which competition, until when, for which village (the home village
 * unless another eligible one is chosen, with a reason), and one button that starts it.
 */
export function StartPage(props: {
  competition: Competition;
  choice: VillageChoice;
  form: StartForm;
  errors: FieldError[];
  problem?: MessageKey;
}) {
  const { t, language } = usePage();
  const title = contentText(props.competition.title, language);
  const villages = props.choice.villages
    .map((v) => ({ value: v.id, label: contentText(v.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, t.locale));
  const homeEligible = villages.some((v) => v.value === props.choice.homeVillageId);
  return (
    <Layout title={t.t('apply.start.title')}>
      <ErrorSummary errors={props.errors} />
      {props.problem && (
        <div class="error-summary" role="alert" tabIndex={-1} autofocus aria-labelledby="start-problem-title">
          <h2 id="start-problem-title">{t.t('common.errorSummary.title')}</h2>
          <p>{t.t(props.problem)}</p>
          {props.problem === 'apply.start.error.limit' && (
            <p>
              <a href="/applications">{t.t('apply.dashboard.title')}</a>
            </p>
          )}
        </div>
      )}
      <h1>{t.t('apply.start.title')}</h1>
      <p class="lead">{title}</p>
      <p>{t.t('apply.start.closes', { date: t.dateTime(props.competition.closesAt) })}</p>
      <p>{t.t('apply.start.lead')}</p>
      <form method="post" action={`/applications/new?competition=${props.competition.id}`} novalidate>
        <CsrfField />
        <Select
          name="village"
          label={t.t('apply.start.village')}
          hint={homeEligible ? t.t('apply.start.villageHome') : t.t('apply.start.villageNoHome')}
          value={props.form.village}
          placeholder={homeEligible ? undefined : t.t('applySteps.budget.choose')}
          options={villages}
          errors={props.errors}
        />
        <TextArea
          name="villageReason"
          label={t.t('apply.start.reason')}
          hint={t.t('apply.start.reasonHint')}
          value={props.form.villageReason}
          maxLength={1000}
          rows={3}
          errors={props.errors}
        />
        <button class="button" type="submit">
          {t.t('apply.start.button')}
        </button>
      </form>
    </Layout>
  );
}
